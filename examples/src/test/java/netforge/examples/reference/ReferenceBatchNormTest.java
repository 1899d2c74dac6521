package netforge.examples.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import netforge.runtime.spec.LayerSpec;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.OpSpec;
import netforge.runtime.spec.ParamSpec;
import netforge.runtime.spec.StateSpec;
import org.junit.jupiter.api.Test;

/**
 * The reference's BatchNorm on numbers worked out by hand from PyTorch's documentation, so that the oracle the kernels
 * are held to is itself pinned: one channel, two images of two pixels, {@code x = 1, 2 | 3, 5}.
 */
class ReferenceBatchNormTest {
  private static final double EPS = 1e-5;
  private static final NetworkSpec ONE_CHANNEL = new NetworkSpec("OneChannel", new int[] {1, 1, 2}, 2,
      List.of(new LayerSpec("bn", "@BatchNorm", List.of(new OpSpec.BatchNorm("bn", EPS, 0.1)), new int[] {1, 1, 2},
          new int[] {1, 1, 2}, 2, 0)),
      List.of(new ParamSpec("bn.weight", new int[] {1}, 0, 1, ParamSpec.Init.ONES),
          new ParamSpec("bn.bias", new int[] {1}, 1, 1, ParamSpec.Init.ZEROS)),
      List.of(new StateSpec("bn.running_mean", new int[] {1}, 0, StateSpec.Kind.RUNNING_MEAN),
          new StateSpec("bn.running_var", new int[] {1}, 1, StateSpec.Kind.RUNNING_VAR),
          new StateSpec("bn.num_batches_tracked", new int[] {}, 0, StateSpec.Kind.BATCHES_TRACKED)));
  private static final double[] X = {1, 2, 3, 5};

  @Test
  void training_normalisesByTheBiasedVariance_andRunsTheUnbiasedOne() {
    // mean 2.75; squared deviations 3.0625, 0.5625, 0.0625, 5.0625 sum to 8.75: biased 8.75 / 4, unbiased 8.75 / 3
    var result = new ReferenceNetwork(ONE_CHANNEL, new double[] {2, 0.5}, 0, 0, true).run(X, 2, null);
    double inv = 1 / Math.sqrt(8.75 / 4 + EPS);
    double[] expected = new double[4];
    for (int i = 0; i < 4; i++) {
      expected[i] = (X[i] - 2.75) * inv * 2 + 0.5;
    }
    assertArrayEquals(expected, result.logits(), 1e-15);
    assertArrayEquals(new double[] {0.9 * 0 + 0.1 * 2.75, 0.9 * 1 + 0.1 * 8.75 / 3}, result.state(), 1e-15);
  }

  @Test
  void evaluation_normalisesByTheRunningStatistics_andLeavesThemAlone() {
    double[] running = {0.5, 4};
    var result = new ReferenceNetwork(ONE_CHANNEL, new double[] {2, 0.5}, running, 0, 0, false).run(X, 2, null);
    double[] expected = new double[4];
    for (int i = 0; i < 4; i++) {
      expected[i] = (X[i] - 0.5) / Math.sqrt(4 + EPS) * 2 + 0.5;
    }
    assertArrayEquals(expected, result.logits(), 1e-15);
    assertArrayEquals(running, result.state());
  }
}
