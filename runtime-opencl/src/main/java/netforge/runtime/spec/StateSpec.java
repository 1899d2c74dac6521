package netforge.runtime.spec;

import java.util.Arrays;

/**
 * One tensor of a network's non-trainable state, what PyTorch calls a buffer: a BatchNorm's running statistics
 * and its count of training steps. Training passes update them, evaluation reads them, and no optimizer touches
 * them; they are saved and loaded with the parameters under PyTorch's names ({@code bn1.running_mean}).
 *
 * @param offset where the tensor starts: in the flat float state of {@link NetworkState#values()} for the running
 *     statistics, in {@link NetworkState#counters()} for a count
 */
public record StateSpec(String name, int[] shape, long offset, Kind kind) {

  /** What a state tensor holds, and so its dtype in a weights file and its initial value. */
  public enum Kind {
    /** A running mean per channel: F32, starting at 0. */
    RUNNING_MEAN(false, 0),
    /** A running (unbiased) variance per channel: F32, starting at 1. */
    RUNNING_VAR(false, 1),
    /** Training steps seen: one I64 scalar ({@code shape []}), starting at 0. */
    BATCHES_TRACKED(true, 0);

    private final boolean counter;
    private final float initial;

    Kind(boolean counter, float initial) {
      this.counter = counter;
      this.initial = initial;
    }

    /** Whether the tensor is a 64-bit count, kept in {@link NetworkState#counters()}, rather than floats. */
    public boolean isCounter() {
      return counter;
    }

    /** The value every element starts at. */
    public float initial() {
      return initial;
    }
  }

  public StateSpec {
    shape = shape.clone();
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  /** Elements: 1 for a scalar. */
  public long size() {
    return Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b);
  }
}
