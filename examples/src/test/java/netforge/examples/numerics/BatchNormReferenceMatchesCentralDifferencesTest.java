package netforge.examples.numerics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.function.IntToDoubleFunction;
import netforge.examples.probes.Probes;
import netforge.examples.reference.ReferenceNetwork;
import netforge.examples.support.RandomValues;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.ParamSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reference's BatchNorm backward against central differences of its own loss, in training (the batch's
 * statistics depend on every input, so dX has the two extra terms of PyTorch's formula) and in evaluation (an affine
 * map by the running statistics): the kernels are checked against this reference, so its gradients must be right.
 * Pure double precision, no device; {@code BatchNormProbe} at batch 3, whose BatchNorm1d normalises 3 values.
 */
class BatchNormReferenceMatchesCentralDifferencesTest {
  /**
   * The step: truncation error of order h^2 = 1e-12 for a loss of order 1, rounding of the two losses about
   * 1e-16 / h = 1e-10. A ReLU or max pool switching inside [x - h, x + h] would break a difference, with a chance of
   * order 1e-6 per element for Gaussian values; dropout's mask is fixed by (seed, step).
   */
  private static final double STEP = 1e-6;
  /**
   * Agreement relative to the tensor's largest gradient: 1e-6 is 10^4 times the expected error, and far below what
   * a missing term of BatchNorm's dX gives in training (the mean of dZ alone is of the gradient's order).
   */
  private static final double RELATIVE = 1e-6;
  /**
   * Tensors whose gradient is zero by structure in training: a bias right before a BatchNorm (fc1.bias), and bn2.bias,
   * which shifts every input of fc1 alike, a shift fc1.bn takes out again. Both are checked to be zero, absolutely.
   */
  private static final Set<String> ZERO_IN_TRAINING = Set.of("fc1.bias", "bn2.bias");
  private static final int BATCH = 3;

  @ParameterizedTest(name = "training {0}")
  @ValueSource(booleans = {true, false})
  void batchNormProbe_gradientsOfParametersAndInput_matchCentralDifferences(boolean training) {
    NetworkSpec spec = Probes.batchNorm().spec();
    Random random = new Random(training ? 17 : 19);
    double[] params = RandomValues.toDouble(RandomValues.parameters(spec, random));
    double[] state = RandomValues.toDouble(RandomValues.state(spec, random).values());
    double[] input = new double[BATCH * spec.inputSize()];
    for (int i = 0; i < input.length; i++) {
      input[i] = 2 + random.nextGaussian();
    }
    int[] labels = new int[BATCH];
    for (int n = 0; n < BATCH; n++) {
      labels[n] = random.nextInt(spec.classes());
    }
    DoubleSupplier loss = () -> new ReferenceNetwork(spec, params, state, 1, 0, training).run(input, BATCH, labels)
        .loss();
    ReferenceNetwork.Result analytic = new ReferenceNetwork(spec, params, state, 1, 0, training)
        .run(input, BATCH, labels);

    for (ParamSpec p : spec.parameters()) {
      int from = (int) p.offset();
      int to = (int) (p.offset() + p.size());
      IntToDoubleFunction numeric = i -> centralDifference(params, i, loss);
      if (training && ZERO_IN_TRAINING.contains(p.name())) {
        for (int i = from; i < to; i++) {
          assertTrue(Math.abs(analytic.gradients()[i]) < 1e-12 && Math.abs(numeric.applyAsDouble(i)) < 1e-8,
              "d" + p.name() + " must be zero");
        }
        continue;
      }
      assertMatches("d" + p.name(), analytic.gradients(), from, to, numeric);
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
    assertTrue(scale > 1e-9, name + " is all zero: the probe does not exercise it");
    double error = worst / scale;
    assertTrue(error <= RELATIVE, String.format(Locale.ROOT,
        "%s: central differences differ by %.3g of the scale %.3g (tolerance %.0e)", name, error, scale, RELATIVE));
  }
}
