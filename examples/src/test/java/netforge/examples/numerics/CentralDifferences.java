package netforge.examples.numerics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.function.IntToDoubleFunction;
import netforge.examples.probes.Probes;
import netforge.examples.probes.Probes.Probe;
import netforge.examples.reference.ReferenceNetwork;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.ParamSpec;

/**
 * The reference's backward pass against central differences of its own loss, for a probe network: every parameter
 * tensor's gradient and the input's. The kernels are checked against this reference, so its gradients must be
 * right wherever a probe's layers index differently (padding per axis, groups). Pure double precision, no device.
 */
final class CentralDifferences {
  /**
   * The step of the central differences: their truncation error is of order h^2 = 1e-12 for a loss of order 1, and
   * the rounding of the two losses about 1e-16 / h = 1e-10. A ReLU or a max pool switching inside [x - h, x + h]
   * would break the difference, but with Gaussian values that has a chance of order 1e-6 per element.
   */
  private static final double STEP = 1e-6;
  /**
   * Agreement relative to the tensor's largest gradient: 1e-6 is 10^4 times the expected error above, and far below
   * what a wrong index gives (a padding on the wrong axis moves every border window, a wrong group reads other
   * channels: terms of order 1).
   */
  private static final double RELATIVE = 1e-6;
  private static final int BATCH = 3;

  private CentralDifferences() {}

  /** Every gradient of the reference on {@code probeName}, at random parameters and input from {@code seed}. */
  static void assertReferenceGradientsMatch(String probeName, long seed) {
    Probe probe = Probes.all().stream().filter(p -> p.name().equals(probeName)).findFirst().orElseThrow();
    NetworkSpec spec = probe.spec();
    Random random = new Random(seed);
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
    DoubleSupplier loss = () -> new ReferenceNetwork(spec, params, 1, 0, true).run(input, BATCH, labels).loss();

    for (ParamSpec p : spec.parameters()) {
      int from = (int) p.offset();
      int to = (int) (p.offset() + p.size());
      assertMatches("d" + p.name(), analytic.gradients(), from, to, i -> centralDifference(params, i, loss));
    }
    assertMatches("dinput", analytic.inputGradient(), 0, input.length, i -> centralDifference(input, i, loss));
  }

  /** {@code (loss(x_i + h) - loss(x_i - h)) / 2h}, restoring {@code x_i}. */
  private static double centralDifference(double[] values, int i, DoubleSupplier loss) {
    double saved = values[i];
    values[i] = saved + STEP;
    double up = loss.getAsDouble();
    values[i] = saved - STEP;
    double down = loss.getAsDouble();
    values[i] = saved;
    return (up - down) / (2 * STEP);
  }

  private static void assertMatches(String name, double[] analytic, int from, int to, IntToDoubleFunction numeric) {
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
