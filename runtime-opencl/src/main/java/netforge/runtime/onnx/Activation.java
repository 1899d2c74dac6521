package netforge.runtime.onnx;

import java.util.Arrays;

/**
 * A value flowing through the graph: its name and the shape of one image's part of it, {@code [c, h, w]} or
 * {@code [features]} (the batch dimension comes first in the graph and is left out here).
 */
record Activation(String name, int[] shape) {
  Activation {
    shape = shape.clone();
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  boolean isSpatial() {
    return shape.length == 3;
  }

  int channels() {
    return shape[0];
  }

  int height() {
    return shape[1];
  }

  int width() {
    return shape[2];
  }

  int size() {
    return Arrays.stream(shape).reduce(1, Math::multiplyExact);
  }

  @Override
  public String toString() {
    return name + Arrays.toString(shape);
  }
}
