package netforge.examples.numerics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import netforge.examples.probes.Probes;
import netforge.examples.probes.Probes.Probe;
import netforge.examples.reference.ReferenceNetwork;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.ParamSpec;
import org.junit.jupiter.api.Test;

/**
 * The reference's backward pass with padding per axis ({@code ph != pw}), against central differences of its own
 * loss: the kernels are checked against this reference, so its gradients must be right where the padding differs
 * between the axes (a swapped ph and pw moves every border window). Pure double precision, no device.
 */
class PaddingReferenceMatchesCentralDifferencesTest {
  /**
   * The step of the central differences: their truncation error is of order h^2 = 1e-12 for a loss of order 1, and
   * the rounding of the two losses about 1e-16 / h = 1e-10. A ReLU or a max pool switching inside [x - h, x + h]
   * would break the difference, but with Gaussian values that has a chance of order 1e-6 per element.
   */
  private static final double STEP = 1e-6;
  /**
   * Agreement relative to the tensor's largest gradient: 1e-6 is 10^4 times the expected error above, and far below
   * what a padding on the wrong axis gives (every border gradient changes by a term of order 1).
   */
  private static final double RELATIVE = 1e-6;
  private static final int BATCH = 3;

  @Test
  void paddingProbe_gradientsOfParametersAndInput_matchCentralDifferences() {
    assertReferenceMatchesCentralDifferences("PaddingProbe");
  }

  /** Every parameter's and the input's gradient from the reference against central differences of its loss. */
  static void assertReferenceMatchesCentralDifferences(String probeName) {
    Probe probe = Probes.all().stream().filter(p -> p.name().equals(probeName)).findFirst().orElseThrow();
    NetworkSpec spec = probe.spec();
    Random random = new Random(13);
    double[] params = new double[(int) spec.parameters().stream().mapToLong(p -> p.offset() + p.size()).max()
        .orElseThrow()];
    for (ParamSpec p : spec.parameters()) {
      double std = p.isBias() ? 0.1 : Math.sqrt(2.0 / p.fanIn());
      for (long i = p.offset(); i < p.offset() + p.size(); i++) {
        params[(int) i] = random.nextGaussian() * std;
      }
    }
    double[] input = new double[BATCH * spec.inputSize()];
    for (int i = 0; i < input.length; i++) {
      input[i] = random.nextGaussian();
    }
    int[] labels = new int[BATCH];
    for (int n = 0; n < BATCH; n++) {
      labels[n] = random.nextInt(spec.classes());
    }
    ReferenceNetwork.Result analytic = new ReferenceNetwork(spec, params, 1, 0, true).run(input, BATCH, labels);

    for (ParamSpec p : spec.parameters()) {
      int from = (int) p.offset();
      int to = (int) (p.offset() + p.size());
      assertMatches("d" + p.name(), analytic.gradients(), from, to,
          i -> centralDifference(params, i, () -> new ReferenceNetwork(spec, params, 1, 0, true)
              .run(input, BATCH, labels).loss()));
    }
    assertMatches("dinput", analytic.inputGradient(), 0, input.length,
        i -> centralDifference(input, i, () -> new ReferenceNetwork(spec, params, 1, 0, true)
            .run(input, BATCH, labels).loss()));
  }

  /** {@code (loss(x_i + h) - loss(x_i - h)) / 2h}, restoring {@code x_i}. */
  private static double centralDifference(double[] values, int i, java.util.function.DoubleSupplier loss) {
    double saved = values[i];
    values[i] = saved + STEP;
    double up = loss.getAsDouble();
    values[i] = saved - STEP;
    double down = loss.getAsDouble();
    values[i] = saved;
    return (up - down) / (2 * STEP);
  }

  private static void assertMatches(String name, double[] analytic, int from, int to,
      ToDoubleFunction<Integer> numeric) {
    double scale = 0;
    for (int i = from; i < to; i++) {
      scale = Math.max(scale, Math.abs(analytic[i]));
    }
    double worst = 0;
    for (int i = from; i < to; i++) {
      worst = Math.max(worst, Math.abs(numeric.applyAsDouble(i) - analytic[i]));
    }
    assertTrue(scale > 0, name + " is all zero: the probe does not exercise it");
    double error = worst / scale;
    assertTrue(error <= RELATIVE, String.format(Locale.ROOT,
        "%s: central differences differ by %.3g of the scale %.3g (tolerance %.0e)", name, error, scale, RELATIVE));
  }
}
