package netforge.examples.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import netforge.examples.probes.Probes;
import netforge.examples.probes.Probes.Probe;
import netforge.examples.reference.ReferenceNetwork;
import netforge.examples.support.RandomValues;
import netforge.examples.support.Tolerance;
import netforge.runtime.Loss;
import netforge.runtime.Model;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.NetworkState;
import netforge.runtime.spec.ParamSpec;
import netforge.runtime.spec.StateSpec;
import netforge.runtime.testing.NeedsOpenCl;
import netforge.runtime.testing.OpenClDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * BatchNorm's kernels against the double-precision reference, on {@code BatchNormProbe} (BatchNorm alone, after a
 * convolution, after a ReLU with its own eps and momentum, and 1d after a dense layer with dropout after it), at
 * batch sizes that divide no tile: evaluation by running statistics far from their initial values; a training step
 * by the batch's statistics, with the loss, every parameter's gradient, the running statistics it leaves and the
 * step counts.
 */
@NeedsOpenCl
class BatchNormKernelsMatchReferenceTest {
  @RegisterExtension static final OpenClDevice DEVICE = new OpenClDevice();

  /**
   * The running statistics after a step: a channel's mean and variance are sums of at most 70 x 48 = 3,360 fp32
   * values of order 1, merged in two levels (48 per image, then the images), so their rounding error is of order
   * sqrt(3360) x 6e-8 = 3.5e-6 of the values' scale; the update then mixes in 0.9 (or 0.7) of the old value, exact
   * to 6e-8. Measured on PoCL (batches 3, 7, 70 and 128, three draws each): at most 2.2e-7 of each tensor's scale,
   * the logits in evaluation 4.7e-7. {@link Tolerance#FORWARD} (5e-5) leaves a margin of 200, and a variance taken
   * biased instead of unbiased is off by 1/(n - 1) >= 3e-4 of it (n <= 3,360).
   *
   * <p>The gradients keep {@link Tolerance#GRADIENT} (1e-4). Measured: at most 1.4e-6 of a tensor's scale at batch
   * 70, but 2.1e-5 at batch 3: there BatchNorm1d normalises 3 values per feature, and its dX keeps, of the incoming
   * gradient, only what is left after taking out the mean and the projection onto xhat (one dimension of three), so
   * the rounding already in that gradient weighs up to 3 times more. PyTorch's fp32 kernels share the effect; a
   * margin of 5 remains, and a wrong term of the formula is off by far more than the scale.
   */
  private static final Tolerance RUNNING_STATISTICS = Tolerance.FORWARD;

  private static Probe probe() {
    return Probes.batchNorm();
  }

  @ParameterizedTest(name = "batch {0}")
  @ValueSource(ints = {3, 7, 70})
  void evaluation_normalisesByTheRunningStatistics(int batch) {
    Random random = new Random(41L * batch);
    try (Model model = probe().create().apply(DEVICE.get(), 3L)) {
      NetworkSpec spec = model.spec();
      float[] params = RandomValues.parameters(spec, random);
      NetworkState state = RandomValues.state(spec, random);
      model.setParameters(params);
      model.setState(state);
      float[] input = input(spec, batch, random);

      float[] logits = model.forward(input, batch);
      var reference = new ReferenceNetwork(spec, RandomValues.toDouble(params), RandomValues.toDouble(state.values()),
          3L, 0, false).run(RandomValues.toDouble(input), batch, null);

      Tolerance.FORWARD.assertClose(spec.name() + " logits", logits, reference.logits());
      assertEquals(state, model.state(), "evaluation leaves the running statistics and step counts alone");
    }
  }

  @ParameterizedTest(name = "batch {0}")
  @ValueSource(ints = {3, 7, 70})
  void trainingStep_matchesTheReference_lossGradientsAndRunningStatistics(int batch) {
    Random random = new Random(43L * batch);
    try (Model model = probe().create().apply(DEVICE.get(), 5L)) {
      NetworkSpec spec = model.spec();
      float[] params = RandomValues.parameters(spec, random);
      NetworkState state = RandomValues.state(spec, random);
      model.setParameters(params);
      model.setState(state);
      float[] input = input(spec, batch, random);
      int[] labels = labels(spec, batch, random);

      int step = model.engine().step();
      Loss loss = model.lossAndGradients(input, labels);
      var reference = new ReferenceNetwork(spec, RandomValues.toDouble(params), RandomValues.toDouble(state.values()),
          5L, step, true).run(RandomValues.toDouble(input), batch, labels);

      Tolerance.FORWARD.assertClose(spec.name() + " loss", new float[] {(float) loss.mean()},
          new double[] {reference.loss()});
      float[] gradients = model.gradients();
      double networkScale = Arrays.stream(reference.gradients()).map(Math::abs).max().orElseThrow();
      for (ParamSpec p : spec.parameters()) {
        int from = (int) p.offset();
        int to = (int) (p.offset() + p.size());
        if (scale(reference.gradients(), from, to) < 1e-12 * networkScale) {
          // A bias right before a BatchNorm (fc1.bias; and bn2.bias, which shifts every input of fc1 alike) has no
          // gradient: the BatchNorm takes any constant shift out again. The kernels' sums of dZ over the batch
          // then cancel to rounding, which is measured against the gradients' scale, not a zero one.
          for (int i = from; i < to; i++) {
            assertTrue(Math.abs(gradients[i]) <= 1e-6 * networkScale, spec.name() + " d" + p.name() + "[" + (i - from)
                + "] = " + gradients[i] + ", not zero to rounding of the gradients' scale " + networkScale);
          }
          continue;
        }
        Tolerance.GRADIENT.assertClose(spec.name() + " d" + p.name(), gradients, reference.gradients(), from, to);
      }
      NetworkState after = model.state();
      for (StateSpec s : spec.state()) {
        if (s.kind().isCounter()) {
          assertEquals(state.counters()[(int) s.offset()] + 1, after.counters()[(int) s.offset()],
              s.name() + ": one more training step");
        } else {
          RUNNING_STATISTICS.assertClose(s.name(), after.values(), reference.state(), (int) s.offset(),
              (int) (s.offset() + s.size()));
        }
      }
      assertEquals(params.length, model.parameters().length);
      assertArrayEquals(params, model.parameters(), "a pass without an optimizer leaves the parameters alone");
    }
  }

  @Test
  void newModel_startsAsPyTorchsLayersDo() {
    try (Model model = probe().create().apply(DEVICE.get(), 1L)) {
      NetworkSpec spec = model.spec();
      float[] params = model.parameters();
      for (ParamSpec p : spec.parameters()) {
        if (p.init() == ParamSpec.Init.FAN_IN_UNIFORM) {
          continue;
        }
        float[] values = Arrays.copyOfRange(params, (int) p.offset(), (int) (p.offset() + p.size()));
        float[] expected = new float[values.length];
        Arrays.fill(expected, p.init() == ParamSpec.Init.ONES ? 1f : 0f);
        assertArrayEquals(expected, values, p.name());
      }
      assertEquals(NetworkState.initial(spec), model.state());
      float[] runningVar = Arrays.copyOfRange(model.state().values(), 3, 6);
      assertArrayEquals(new float[] {1, 1, 1}, runningVar, "norm0.running_var starts at 1");
    }
  }

  @Test
  void trainingOnOneImage_isRefusedForBatchNorm1d_butEvaluationIsNot() {
    Random random = new Random(3);
    try (Model model = probe().create().apply(DEVICE.get(), 1L)) {
      NetworkSpec spec = model.spec();
      NetworkState before = model.state();
      float[] input = input(spec, 1, random);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> model.lossAndGradients(input, new int[] {2}));
      assertTrue(e.getMessage().contains("fc1.bn has one value per channel and image"), e.getMessage());
      assertTrue(e.getMessage().contains("at least 2 images"), e.getMessage());
      assertEquals(before, model.state(), "a refused step changes no running statistic");
      assertEquals(spec.classes(), model.forward(input, 1).length);
    }
  }

  private static double scale(double[] values, int from, int to) {
    double scale = 0;
    for (int i = from; i < to; i++) {
      scale = Math.max(scale, Math.abs(values[i]));
    }
    return scale;
  }

  /** Images far from zero mean: the variance must not come from E[x^2] - E[x]^2, which would cancel. */
  private static float[] input(NetworkSpec spec, int batch, Random random) {
    float[] input = new float[batch * spec.inputSize()];
    for (int i = 0; i < input.length; i++) {
      input[i] = (float) (4 + random.nextGaussian());
    }
    return input;
  }

  private static int[] labels(NetworkSpec spec, int batch, Random random) {
    int[] labels = new int[batch];
    for (int n = 0; n < batch; n++) {
      labels[n] = random.nextInt(spec.classes());
    }
    return labels;
  }
}
