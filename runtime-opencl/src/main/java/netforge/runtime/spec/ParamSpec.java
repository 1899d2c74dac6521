package netforge.runtime.spec;

import java.util.Arrays;

/**
 * One parameter tensor: its PyTorch name ({@code conv1.weight}), shape in PyTorch's layout (conv OIHW, dense
 * {@code [out, in]}, bias {@code [out]}, BatchNorm {@code [channels]}), offset in the flat parameter buffer, fan-in,
 * and how PyTorch initialises it.
 */
public record ParamSpec(String name, int[] shape, long offset, int fanIn, Init init) {

  /** How a tensor starts, as PyTorch's layers initialise theirs. */
  public enum Init {
    /** Uniform in {@code [-1/sqrt(fanIn), 1/sqrt(fanIn)]}: the weights and biases of {@code Conv2d} and {@code Linear}. */
    FAN_IN_UNIFORM,
    /** All ones: a BatchNorm's weight. */
    ONES,
    /** All zeros: a BatchNorm's bias. */
    ZEROS
  }

  public ParamSpec {
    shape = shape.clone();
  }

  /** A convolution's or dense layer's tensor, initialised from its fan-in. */
  public ParamSpec(String name, int[] shape, long offset, int fanIn) {
    this(name, shape, offset, fanIn, Init.FAN_IN_UNIFORM);
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  public long size() {
    return Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b);
  }

  public boolean isBias() {
    return name.endsWith(".bias");
  }
}
