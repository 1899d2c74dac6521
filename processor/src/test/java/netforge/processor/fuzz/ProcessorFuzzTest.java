package netforge.processor.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.Locale;
import javax.tools.Diagnostic;
import netforge.processor.GeneratedClasses;
import netforge.processor.Sources;
import netforge.runtime.Device;
import netforge.runtime.Model;
import netforge.runtime.NoOpenClException;
import netforge.runtime.testing.NeedsOpenCl;
import org.junit.jupiter.api.Test;

/**
 * The processor under fuzzing: random networks, many invalid, each compiled by javac with the processor. Every
 * one must either compile — and then its generated code compiles and, for the first {@value #RUNS} of them, a
 * forward pass on the device gives logits of the declared shape — or fail with {@code nn.*} errors only: never
 * {@code [nn.Internal]}, never an exception out of javac, never an error in generated code. A share of the cases
 * name layers and methods like the generated code's own members, use sizes past the 32-bit limits, or extend
 * another network; the test reports how many of each it made.
 */
class ProcessorFuzzTest {
  static final int NETWORKS = 400;
  static final int RUNS = 12;
  static final long SEED = 20261128L;

  @Test
  @NeedsOpenCl // runs the first valid networks forward on a device
  void randomNetworks_compileOrFailWithNnErrorsOnly() throws Exception {
    RandomNetworkSource sources = new RandomNetworkSource(SEED);
    int compiled = 0;
    int rejected = 0;
    int ran = 0;
    int[] clash = new int[2];
    int[] overflow = new int[2];
    int[] inheritance = new int[2];
    Device device = openDevice();
    try {
      for (int i = 0; i < NETWORKS; i++) {
        RandomNetworkSource.Case next = sources.next(i);
        String source = next.source();
        Compilation compilation;
        try {
          compilation = Sources.javac().compile(JavaFileObjects.forSourceString("fuzz.Net" + i, source));
        } catch (RuntimeException e) {
          throw new AssertionError("javac threw on network " + i + ":\n" + source, e);
        }
        for (Diagnostic<?> d : compilation.errors()) {
          String message = d.getMessage(Locale.ROOT);
          if (message.contains("[nn.Internal]") || !message.startsWith("[nn.")) {
            fail("network " + i + " gave a non-nn error:\n" + message + "\nin " + d.getSource() + "\nsource:\n"
                + source);
          }
        }
        for (Diagnostic<?> d : compilation.diagnostics()) {
          String message = d.getMessage(Locale.ROOT);
          if (message.startsWith("[nn.") && !message.matches("(?s).*\n\\s*fix: .*")) {
            fail("network " + i + " gave a diagnostic without a fix line:\n" + message + "\nsource:\n" + source);
          }
        }
        boolean success = compilation.status() == Compilation.Status.SUCCESS;
        count(clash, next.clash(), success);
        count(overflow, next.overflow(), success);
        count(inheritance, next.inheritance(), success);
        if (success) {
          compiled++;
          if (device != null && ran < RUNS) {
            runForward(compilation, i, source, device);
            ran++;
          }
        } else {
          rejected++;
        }
      }
    } finally {
      if (device != null) {
        device.close();
      }
    }
    System.out.printf("processor fuzz: %d random networks (seed %d): %d compiled, %d rejected with nn.* errors, "
        + "%d run forward on %s; clash cases %d (%d compiled), overflow cases %d (%d compiled), inheritance cases %d"
        + " (%d compiled)%n", NETWORKS, SEED, compiled, rejected, ran, device == null ? "no device" : "the device",
        clash[0], clash[1], overflow[0], overflow[1], inheritance[0], inheritance[1]);
    assertTrue(compiled > NETWORKS / 20 && rejected > NETWORKS / 5,
        "the generator should produce both valid and invalid networks: " + compiled + " / " + rejected);
    assertTrue(clash[1] > 0 && inheritance[1] > 0,
        "some clash and inheritance cases should be valid networks, to show their generated code compiles");
  }

  /** {@code counts[0]}: cases of a kind; {@code counts[1]}: those that compiled. */
  private static void count(int[] counts, boolean ofThisKind, boolean compiled) {
    if (ofThisKind) {
      counts[0]++;
      counts[1] += compiled ? 1 : 0;
    }
  }

  private static void runForward(Compilation compilation, int i, String source, Device device) throws Exception {
    Class<?> type = new GeneratedClasses(compilation).load("fuzz.Net" + i + "Model");
    int classes = (int) GeneratedClasses.constant(type, "CLASSES");
    int inputSize = (int) GeneratedClasses.constant(type, "INPUT_CHANNELS")
        * (int) GeneratedClasses.constant(type, "INPUT_HEIGHT") * (int) GeneratedClasses.constant(type, "INPUT_WIDTH");
    try (Model model = (Model) type.getMethod("create", Device.class, long.class).invoke(null, device, 3L)) {
      int batch = 3;
      float[] input = new float[batch * inputSize];
      for (int j = 0; j < input.length; j++) {
        input[j] = (float) Math.sin(j * 0.37);
      }
      float[] logits = model.forward(input, batch);
      assertEquals(batch * classes, logits.length, "logits of network " + i + ":\n" + source);
      for (float v : logits) {
        assertTrue(Float.isFinite(v), "non-finite logit from network " + i + ":\n" + source);
      }
      int[] labels = new int[batch];
      model.lossAndGradients(input, labels);
    }
  }

  private static Device openDevice() {
    try {
      return Device.open();
    } catch (NoOpenClException e) {
      if (Boolean.getBoolean("nn.requireOpenCL")) {
        throw e;
      }
      return null;
    }
  }
}
