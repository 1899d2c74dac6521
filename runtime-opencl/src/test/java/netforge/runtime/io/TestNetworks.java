package netforge.runtime.io;

import java.util.List;
import netforge.runtime.spec.LayerSpec;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.OpSpec;
import netforge.runtime.spec.ParamSpec;
import netforge.runtime.spec.StateSpec;

/** Small networks built by hand, as the processor would describe them; no OpenCL needed. */
final class TestNetworks {
  private TestNetworks() {}

  /**
   * {@code conv1}: 3x3 conv, 1 -> {@code channels} channels, on 5x5 (conv1.weight [c, 1, 3, 3], conv1.bias [c]);
   * {@code fc}: flatten and dense to 3 classes (fc.weight [3, c * 9], fc.bias [3]). With 2 channels, 77 parameters.
   */
  static NetworkSpec tiny(String name, int channels) {
    LayerSpec conv1 = new LayerSpec("conv1", "@Conv(out = " + channels + ", k = 3) @ReLU",
        List.of(new OpSpec.Conv(channels, 3, 3, 1, 0, true), new OpSpec.Relu()),
        new int[] {1, 5, 5}, new int[] {channels, 3, 3}, channels * 9L + channels, 0);
    LayerSpec fc = new LayerSpec("fc", "@Dense(out = 3)", List.of(new OpSpec.Flatten(), new OpSpec.Dense(3, true)),
        new int[] {channels, 3, 3}, new int[] {3}, 3L * channels * 9 + 3, 0);
    long convWeights = channels * 9L;
    return new NetworkSpec(name, new int[] {1, 5, 5}, 3, List.of(conv1, fc), List.of(
        new ParamSpec("conv1.weight", new int[] {channels, 1, 3, 3}, 0, 9),
        new ParamSpec("conv1.bias", new int[] {channels}, convWeights, 9),
        new ParamSpec("fc.weight", new int[] {3, channels * 9}, convWeights + channels, channels * 9),
        new ParamSpec("fc.bias", new int[] {3}, convWeights + channels + 3L * channels * 9, channels * 9)));
  }

  /**
   * {@code conv1}: 3x3 conv without bias, 1 -> 2 channels, on 5x5, then a BatchNorm ({@code conv1.bn}: weight and
   * bias [2]; running_mean, running_var [2]; num_batches_tracked []); {@code fc}: dense to 3 classes. 18 + 4 + 57 =
   * 79 parameters, 4 running statistics and 1 step count.
   */
  static NetworkSpec withBatchNorm(String name) {
    LayerSpec conv1 = new LayerSpec("conv1", "@Conv(out = 2, k = 3, bias = false) @BatchNorm @ReLU",
        List.of(new OpSpec.Conv(2, 3, 3, 1, 0, false), new OpSpec.BatchNorm("conv1.bn", 1e-5, 0.1), new OpSpec.Relu()),
        new int[] {1, 5, 5}, new int[] {2, 3, 3}, 22, 0);
    LayerSpec fc = new LayerSpec("fc", "@Dense(out = 3)", List.of(new OpSpec.Flatten(), new OpSpec.Dense(3, true)),
        new int[] {2, 3, 3}, new int[] {3}, 57, 0);
    return new NetworkSpec(name, new int[] {1, 5, 5}, 3, List.of(conv1, fc), List.of(
        new ParamSpec("conv1.weight", new int[] {2, 1, 3, 3}, 0, 9),
        new ParamSpec("conv1.bn.weight", new int[] {2}, 18, 1, ParamSpec.Init.ONES),
        new ParamSpec("conv1.bn.bias", new int[] {2}, 20, 1, ParamSpec.Init.ZEROS),
        new ParamSpec("fc.weight", new int[] {3, 18}, 22, 18),
        new ParamSpec("fc.bias", new int[] {3}, 76, 18)), List.of(
        new StateSpec("conv1.bn.running_mean", new int[] {2}, 0, StateSpec.Kind.RUNNING_MEAN),
        new StateSpec("conv1.bn.running_var", new int[] {2}, 2, StateSpec.Kind.RUNNING_VAR),
        new StateSpec("conv1.bn.num_batches_tracked", new int[] {}, 0, StateSpec.Kind.BATCHES_TRACKED)));
  }

  /** Values 0, 1, 2, ... scaled, so a misplaced tensor is visible. */
  static float[] countingValues(NetworkSpec spec) {
    float[] values = new float[(int) spec.parameterCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = i * 0.25f - 3;
    }
    return values;
  }
}
