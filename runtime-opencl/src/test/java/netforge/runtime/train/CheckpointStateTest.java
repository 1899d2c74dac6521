package netforge.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import netforge.runtime.io.Dtype;
import netforge.runtime.io.Safetensors;
import netforge.runtime.io.SafetensorsException;
import netforge.runtime.io.SafetensorsFile;
import netforge.runtime.io.Weights;
import netforge.runtime.spec.LayerSpec;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.NetworkState;
import netforge.runtime.spec.OpSpec;
import netforge.runtime.spec.ParamSpec;
import netforge.runtime.spec.StateSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint carries the network's state, BatchNorm's running statistics and step counts, under PyTorch's names
 * and dtypes; it reads back exactly, and the checkpoint still loads as a weights file, state included.
 */
class CheckpointStateTest {
  /** Dense 4 -> 3, then BatchNorm1d over its 3 features. */
  private static final NetworkSpec SPEC = new NetworkSpec("Normed", new int[] {4, 1, 1}, 3, List.of(
      new LayerSpec("fc", "@Dense(out = 3) @BatchNorm", List.of(new OpSpec.Dense(3, true),
          new OpSpec.BatchNorm("fc.bn", 1e-5, 0.1)), new int[] {4, 1, 1}, new int[] {3}, 21, 24)),
      List.of(new ParamSpec("fc.weight", new int[] {3, 4}, 0, 4), new ParamSpec("fc.bias", new int[] {3}, 12, 4),
          new ParamSpec("fc.bn.weight", new int[] {3}, 15, 1, ParamSpec.Init.ONES),
          new ParamSpec("fc.bn.bias", new int[] {3}, 18, 1, ParamSpec.Init.ZEROS)),
      List.of(new StateSpec("fc.bn.running_mean", new int[] {3}, 0, StateSpec.Kind.RUNNING_MEAN),
          new StateSpec("fc.bn.running_var", new int[] {3}, 3, StateSpec.Kind.RUNNING_VAR),
          new StateSpec("fc.bn.num_batches_tracked", new int[] {}, 0, StateSpec.Kind.BATCHES_TRACKED)));
  private static final NetworkState STATE = new NetworkState(new float[] {0.5f, -0.25f, 3f, 1.5f, 0.125f, 9f},
      new long[] {17});

  @TempDir Path dir;

  private static Checkpoint checkpoint(NetworkState state) {
    float[] params = new float[21];
    for (int i = 0; i < params.length; i++) {
      params[i] = i * 0.5f - 2;
    }
    return new Checkpoint("Normed", 1, 17, 17, "sgd(lr=0.1)", 7, 8, 136, 32, new int[] {1, 0}, params, state,
        Map.of("momentum_buffer", new float[21]), List.of(new EpochRecord(1, 2.0, 0.1, 2.1, 0.2, 0.1, 3.5, 20)),
        List.of());
  }

  @Test
  void writeThenRead_givesTheSameState() throws IOException {
    Path file = dir.resolve("checkpoint.safetensors");
    checkpoint(STATE).write(file, SPEC);
    Checkpoint read = Checkpoint.read(file, SPEC);
    assertEquals(STATE, read.state());
    assertArrayEquals(checkpoint(STATE).parameters(), read.parameters());
    assertEquals(Map.of("momentum_buffer", 21), Map.of("momentum_buffer", read.optimizerState().get(
        "momentum_buffer").length), "the state is not mistaken for the optimizer's");
    SafetensorsFile f = SafetensorsFile.read(file);
    assertEquals(Dtype.I64, f.dtype("fc.bn.num_batches_tracked"));
  }

  @Test
  void aCheckpoint_loadsAsWeights_withItsState() throws IOException {
    Path file = dir.resolve("checkpoint.safetensors");
    checkpoint(STATE).write(file, SPEC);
    Weights weights = Safetensors.read(file, SPEC);
    assertEquals(STATE, weights.state());
  }

  @Test
  void write_withoutTheState_isAnIllegalArgument() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> checkpoint(NetworkState.NONE).write(dir.resolve("x.safetensors"), SPEC));
    assertTrue(e.getMessage().startsWith("Normed's state is 6 running-statistic values and 1 step count"),
        e.getMessage());
  }

  @Test
  void read_withoutTheState_namesTheMissingTensor() throws IOException {
    Path file = dir.resolve("checkpoint.safetensors");
    NetworkSpec withoutState = new NetworkSpec("Normed", SPEC.inputShape(), 3, SPEC.layers(), SPEC.parameters());
    checkpoint(NetworkState.NONE).write(file, withoutState);
    SafetensorsException e = assertThrows(SafetensorsException.class, () -> Checkpoint.read(file, SPEC));
    assertEquals(file + ": has no tensor fc.bn.running_mean (the network's state: a BatchNorm's running statistics"
        + " and step count)", e.getMessage());
  }
}
