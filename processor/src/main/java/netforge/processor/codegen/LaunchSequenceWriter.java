package netforge.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;
import java.util.ArrayList;
import netforge.processor.kernel.ArgumentClasses;
import netforge.processor.kernel.BackwardStep;
import netforge.processor.kernel.InputGradient;
import netforge.processor.kernel.ClSource;
import netforge.processor.kernel.KernelPlan;
import netforge.processor.kernel.PlannedBuffer;
import netforge.processor.kernel.Stage;
import netforge.processor.kernel.StageKernels;
import netforge.processor.runtime.RuntimeTypes;

/**
 * Writes the generated {@code LaunchSequence} of a {@link KernelPlan}: the buffers and their sizes, then the
 * forward, loss and backward launches of the plan's kernels, and the argument classes those launches use.
 */
final class LaunchSequenceWriter {
  private static final ClassName PASS = RuntimeTypes.PASS;

  private LaunchSequenceWriter() {}

  /**
   * The generated {@code LaunchSequence} of {@code plan}, as the type {@code self}: buffers, then the forward, loss
   * and backward launch sequences.
   */
  static TypeSpec write(KernelPlan plan, ClassName self) {
    List<Stage> stages = plan.stages();
    List<StageKernels> kernels = plan.kernels();
    String resourceName = plan.resourceName();
    ArgumentClasses classes = new ArgumentClasses(self);
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addJavadoc("The fixed launch sequence of the kernels in {@code $L}.\n", resourceName)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(RuntimeTypes.LAUNCH_SEQUENCE);
    type.addMethod(MethodSpec.methodBuilder("programResource").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(String.class).addStatement("return $S", resourceName).build());
    type.addMethod(MethodSpec.methodBuilder("sectionMarker").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(String.class).addStatement("return $S", ClSource.SECTION_MARKER)
        .build());
    type.addMethod(MethodSpec.methodBuilder("logits").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(String.class).addStatement("return $L", plan.logits().key()).build());
    type.addMethod(MethodSpec.methodBuilder("stageLayers").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(List.class), ClassName.get(String.class)))
        .addStatement("return $T.of($L)", List.class, stages.stream().map(s -> "\"" + s.layer() + "\"")
            .collect(Collectors.joining(", ")))
        .build());
    type.addMethod(MethodSpec.methodBuilder("stageOutputs").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(List.class), ClassName.get(String.class)))
        .addStatement("return $T.of($L)", List.class, stages.stream().map(s -> s.output().key())
            .collect(CodeBlock.joining(", ")))
        .build());
    type.addMethod(buffers(plan));

    MethodSpec.Builder forward = MethodSpec.methodBuilder("forward").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).addParameter(PASS, "p");
    MethodSpec.Builder backward = MethodSpec.methodBuilder("backward").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).addParameter(PASS, "p");
    CodeBlock.Builder preconditions = CodeBlock.builder();
    kernels.forEach(k -> k.preconditions(preconditions));
    forward.addCode(preconditions.build());
    for (int i = 0; i < stages.size(); i++) {
      Stage stage = stages.get(i);
      String title = String.format("Stage %d, %s: %s%s -> %s", stage.index(), stage.layer(),
          stage.reduction().annotation(), stage.epilogueSuffix().replace("_", " "), stage.out());
      MethodSpec.Builder f = MethodSpec.methodBuilder(String.format("forward%02d", stage.index()))
          .addJavadoc("$L.\n", title).addModifiers(Modifier.PRIVATE, Modifier.STATIC).addParameter(PASS, "p");
      CodeBlock.Builder body = CodeBlock.builder();
      body.addStatement("p.scope($S)", String.format("%s %s", stage.tag(true), stage.layer()));
      kernels.get(i).forward(body, classes);
      f.addCode(body.build());
      type.addMethod(f.build());
      forward.addStatement("$N(p)", String.format("forward%02d", stage.index()));
    }
    for (BackwardStep step : plan.backward()) {
      Stage stage = step.stage();
      MethodSpec.Builder b = MethodSpec.methodBuilder(String.format("backward%02d", stage.index()))
          .addJavadoc("Backward through stage $L, $L: reads $L, writes parameter gradients$L.\n", stage.index(),
              stage.layer(), step.gradIn(), inputGradients(step))
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC).addParameter(PASS, "p");
      CodeBlock.Builder body = CodeBlock.builder();
      body.addStatement("p.scope($S)", String.format("%s %s", stage.tag(false), stage.layer()));
      plan.kernelsOf(stage).backward(body, classes, step);
      plan.sums(body, classes, step);
      b.addCode(body.build());
      type.addMethod(b.build());
      backward.addStatement("$N(p)", String.format("backward%02d", stage.index()));
    }
    type.addMethod(forward.build());
    CodeBlock.Builder lossBody = CodeBlock.builder();
    lossBody.addStatement("p.scope($S)", "loss");
    plan.loss().launch(lossBody, classes, KernelPlan.GRAD_A);
    type.addMethod(MethodSpec.methodBuilder("loss").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .addParameter(PASS, "p").addCode(lossBody.build()).build());
    type.addMethod(backward.build());
    type.addMethod(MethodSpec.methodBuilder("trainingStep").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).addParameter(PASS, "p").addParameter(Runnable.class, "update")
        .addStatement("forward(p)")
        .addStatement("loss(p)")
        .addStatement("backward(p)")
        .addStatement("p.scope($S)", "optimizer")
        .addStatement("update.run()")
        .build());
    classes.nestedTypes().forEach(type::addType);
    return type.build();
  }

  /** " and dX into gradB", as the backward method's comment says where input gradients go. */
  private static String inputGradients(BackwardStep step) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < step.targets().size(); i++) {
      InputGradient target = step.targets().get(i);
      if (target == null) {
        continue;
      }
      String input = step.targets().size() == 1 ? "dX" : "d" + step.stage().inputs().get(i).buffer();
      String sum = step.sums().stream().filter(s -> s.src().equals(target.buffer()))
          .map(s -> ", added to " + s.dst()).findFirst().orElse("");
      parts.add(input + (target.accumulate() ? " added to " : " into ") + target.buffer() + sum);
    }
    return parts.isEmpty() ? "" : " and " + String.join(", ", parts);
  }

  private static MethodSpec buffers(KernelPlan plan) {
    ClassName map = ClassName.get(Map.class);
    MethodSpec.Builder m = MethodSpec.methodBuilder("buffers").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(map, ClassName.get(String.class), TypeName.LONG.box()))
        .addParameter(TypeName.INT, "batch").addParameter(RuntimeTypes.TUNABLES, "t");
    m.addStatement("$T b = new $T<>()", ParameterizedTypeName.get(map, ClassName.get(String.class), TypeName.LONG.box()),
        LinkedHashMap.class);
    for (PlannedBuffer buffer : plan.buffers()) {
      m.addStatement("b.put($L, $L)", buffer.name().key(), BufferSizeWriter.size(buffer.size()));
    }
    m.addStatement("return b");
    return m.build();
  }
}
