package netforge.runtime.spec;

import java.util.Arrays;

/**
 * One parameter tensor: its PyTorch name ({@code conv1.weight}), shape in PyTorch's layout (conv OIHW, dense
 * {@code [out, in]}, bias {@code [out]}), offset in the flat parameter buffer, and fan-in (for initialisation).
 */
public record ParamSpec(String name, int[] shape, long offset, int fanIn) {
  public ParamSpec {
    shape = shape.clone();
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
