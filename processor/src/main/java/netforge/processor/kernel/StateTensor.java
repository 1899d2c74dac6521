package netforge.processor.kernel;

import java.util.ArrayList;
import java.util.List;
import netforge.processor.model.Op;
import netforge.processor.model.ShapeRules;

/**
 * One tensor of a network's non-trainable state, PyTorch's "buffers": a BatchNorm's running statistics, which live
 * in one flat state buffer on the device beside the parameters (offsets in floats), and its count of training steps,
 * a 64-bit integer the runtime keeps on the host (offsets in counters). Named as PyTorch's state dict names them.
 *
 * @param stage the index of the BatchNorm's stage, whose kernels read and update the statistics
 */
public record StateTensor(String name, List<Integer> shape, long offset, Kind kind, int stage) {

  /** What the tensor holds; each kind has its own dtype and initial value in the runtime. */
  public enum Kind {
    /** F32, one per channel, starting at 0. */
    RUNNING_MEAN,
    /** F32, one per channel, starting at 1. */
    RUNNING_VAR,
    /** I64, a scalar ({@code shape []}), starting at 0: the training steps the statistics have seen. */
    BATCHES_TRACKED
  }

  public StateTensor {
    shape = List.copyOf(shape);
  }

  /**
   * The state of the planned stages: for each BatchNorm in order, its running mean then its running variance,
   * contiguous in the float state buffer, and its step count, the next counter.
   */
  public static List<StateTensor> layout(List<Stage> stages) {
    List<StateTensor> tensors = new ArrayList<>();
    long floats = 0;
    long counters = 0;
    for (Stage stage : stages) {
      if (!(stage.reduction() instanceof Op.BatchNorm bn)) {
        continue;
      }
      int channels = Math.toIntExact(ShapeRules.normalisedChannels(stage.in()));
      tensors.add(new StateTensor(bn.name() + ".running_mean", List.of(channels), floats, Kind.RUNNING_MEAN,
          stage.index()));
      tensors.add(new StateTensor(bn.name() + ".running_var", List.of(channels), floats + channels,
          Kind.RUNNING_VAR, stage.index()));
      tensors.add(new StateTensor(bn.name() + ".num_batches_tracked", List.of(), counters++, Kind.BATCHES_TRACKED,
          stage.index()));
      floats += 2L * channels;
    }
    return tensors;
  }

  /** The offset of the running mean of the stage {@code stage} in the float state buffer; the variance follows it. */
  static long runningMeanOffset(List<StateTensor> layout, Stage stage) {
    return layout.stream().filter(t -> t.stage() == stage.index() && t.kind() == Kind.RUNNING_MEAN)
        .mapToLong(StateTensor::offset).findFirst()
        .orElseThrow(() -> new IllegalStateException("stage " + stage.index() + " has no running statistics"));
  }
}
