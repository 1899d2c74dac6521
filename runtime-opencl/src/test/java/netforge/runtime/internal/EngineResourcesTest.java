package netforge.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import netforge.runtime.Device;
import netforge.runtime.cl.ClAllocationException;
import netforge.runtime.cl.ClBuildException;
import netforge.runtime.cl.LiveObjects;
import netforge.runtime.spec.LayerSpec;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.OpSpec;
import netforge.runtime.spec.ParamSpec;
import netforge.runtime.testing.NeedsOpenCl;
import netforge.runtime.testing.OpenCl;
import netforge.runtime.testing.OpenClDevice;
import netforge.runtime.tuning.Tunables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every OpenCL object the engine creates is released on every path out of it, failures included: counted
 * through the wrappers ({@link LiveObjects}) before and after.
 */
@NeedsOpenCl
class EngineResourcesTest {
  @RegisterExtension
  static final OpenClDevice DEVICE = new OpenClDevice();

  /** A dense layer of {@code in x out} weights on a flat input; nothing is launched. */
  private static NetworkSpec dense(int in, int out) {
    LayerSpec fc = new LayerSpec("fc", "@Dense(out = " + out + ")", List.of(new OpSpec.Dense(out, true)),
        new int[] {in}, new int[] {out}, (long) in * out + out, 0);
    return new NetworkSpec("Dense", new int[] {in, 1, 1}, out, List.of(fc),
        List.of(new ParamSpec("fc.weight", new int[] {out, in}, 0, in), new ParamSpec("fc.bias", new int[] {out},
            (long) in * out, in)));
  }

  private static Engine engine(Device device, NetworkSpec spec, String resource) {
    return new Engine(device, spec, new Unlaunched(resource), EngineResourcesTest.class, 1,
        Tunables.defaults(device.info().type()));
  }

  /** Loads {@code programResource} and never launches: these tests stop at construction. */
  private record Unlaunched(String programResource) implements LaunchSequence {
    @Override
    public String sectionMarker() {
      return "// ---- ";
    }

    @Override
    public Map<String, Long> buffers(int batch, Tunables tunables) {
      return Map.of(INPUT, (long) batch);
    }

    @Override
    public String logits() {
      return INPUT;
    }

    @Override
    public List<String> stageLayers() {
      return List.of();
    }

    @Override
    public List<String> stageOutputs() {
      return List.of();
    }

    @Override
    public void forward(Pass pass) {}

    @Override
    public void loss(Pass pass) {}

    @Override
    public void backward(Pass pass) {}

    @Override
    public void trainingStep(Pass pass, Runnable update) {}
  }

  @Test
  void closedEngine_leavesNoObjectBehind() {
    long before = LiveObjects.count();
    Engine engine = engine(DEVICE.get(), dense(4, 2), "Tiny.cl");
    assertEquals(before + 3, LiveObjects.count(), "a program and two buffers while open");
    engine.close();
    assertEquals(before, LiveObjects.count());
  }

  @Test
  void parametersTooLargeToAllocate_releaseTheBuiltProgram() {
    Device device = DEVICE.get();
    long before = LiveObjects.count();
    int in = 1 << 20;
    int out = (int) Math.min(1 << 30, device.info().maxAllocationBytes() / 4 / in + 1);
    assertThrows(ClAllocationException.class, () -> engine(device, dense(in, out), "Tiny.cl"));
    assertEquals(before, LiveObjects.count(), "the program built before the failed allocation is released");
  }

  @Test
  void programThatDoesNotBuild_leavesNoObjectBehind() {
    long before = LiveObjects.count();
    assertThrows(ClBuildException.class, () -> engine(DEVICE.get(), dense(4, 2), "Broken.cl"));
    assertEquals(before, LiveObjects.count());
  }

  @Test
  void missingProgram_failsBeforeCreatingAnything() {
    long before = LiveObjects.count();
    assertThrows(IllegalStateException.class, () -> engine(DEVICE.get(), dense(4, 2), "Absent.cl"));
    assertEquals(before, LiveObjects.count());
  }

  @Test
  void closedDevice_releasesItsContextAndQueue() {
    long before = LiveObjects.count();
    try (Device device = OpenCl.open()) {
      assertEquals(before + 2, LiveObjects.count(), "a context and a queue for " + device);
    }
    assertEquals(before, LiveObjects.count());
  }
}
