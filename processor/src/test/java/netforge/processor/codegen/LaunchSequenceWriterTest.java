package netforge.processor.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import netforge.processor.kernel.ClSource;
import netforge.processor.kernel.KernelPlan;
import netforge.processor.kernel.OpenClRenderer;
import netforge.processor.kernel.SmallNetworks;
import org.junit.jupiter.api.Test;

/** The generated launch sequence of a plan, as a JavaPoet type, without javac. */
class LaunchSequenceWriterTest {
  private final KernelPlan plan = SmallNetworks.convPoolDensePlan();
  private final TypeSpec launches = LaunchSequenceWriter.write(plan,
      ClassName.get("test", "NetModel").nestedClass("Launches"));

  private MethodSpec method(String name) {
    return launches.methodSpecs().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void methods_forwardByStage_backwardInReverse_skippingStagesWithNothingToDo() {
    assertEquals(List.of("programResource", "sectionMarker", "logits", "stageLayers", "stageOutputs", "buffers",
        "forward01", "forward02", "forward03", "backward03", "backward02", "backward01", "forward", "loss",
        "backward", "trainingStep"), launches.methodSpecs().stream().map(MethodSpec::name).toList());
    assertTrue(method("forward").code().toString().contains("forward01(p);\nforward02(p);\nforward03(p);\n"));
    assertTrue(method("backward").code().toString().contains("backward03(p);\nbackward02(p);\nbackward01(p);\n"));
  }

  @Test
  void buffers_putEveryPlannedBuffer_withItsSize() {
    String buffers = method("buffers").code().toString();
    assertTrue(buffers.contains("b.put(\"act01\", (long) batch * 256L);\n"), buffers);
    assertTrue(buffers.contains("b.put(\"argmax02\", (long) batch * 16L);\n"), buffers);
    assertTrue(buffers.contains("b.put(\"gradA\", (long) batch * 256L);\n"), buffers);
    assertTrue(buffers.contains("b.put(\"gradB\", (long) batch * 64L);\n"), buffers);
    assertTrue(buffers.contains("b.put(\"scratchW\", netforge.runtime.internal.Pass.largest("), buffers);
    assertEquals(plan.buffers().size(), buffers.split("b\\.put\\(", -1).length - 1, buffers);
  }

  @Test
  void sectionMarker_isTheOneTheProgramIsWrittenWith() {
    assertEquals("return \"" + ClSource.SECTION_MARKER + "\";\n", method("sectionMarker").code().toString());
    assertTrue(OpenClRenderer.render(plan, "test.Net").contains("\n" + ClSource.SECTION_MARKER + "stage 1, c1: "));
  }

  @Test
  void argumentClasses_ofTheStageKernels_areNestedInTheSequence() {
    List<String> nested = launches.typeSpecs().stream().map(TypeSpec::name).toList();
    assertTrue(!nested.isEmpty() && nested.stream().allMatch(n -> n.endsWith("Arguments")), nested.toString());
    assertEquals("\"NetModel.cl\"", method("programResource").code().toString().replace("return ", "").trim()
        .replace(";", ""));
  }
}
