package netforge.runtime.onnx;

/**
 * The windows of adaptive average pooling along one dimension, as PyTorch and NetForge's kernel place them: output
 * {@code i} of {@code out} averages inputs {@code floor(i * in / out)} up to (not including)
 * {@code ceil((i + 1) * in / out)}. When {@code in} is not a multiple of {@code out} the windows may differ in
 * size (5 to 3: sizes 2, 3, 2) and then no AveragePool computes them.
 */
final class AdaptiveWindows {
  private final int in;
  private final int out;

  AdaptiveWindows(int in, int out) {
    if (in < 1 || out < 1) {
      throw new IllegalArgumentException("adaptive pooling from " + in + " to " + out);
    }
    this.in = in;
    this.out = out;
  }

  int start(int i) {
    return (int) ((long) i * in / out);
  }

  int end(int i) {
    return (int) (((long) (i + 1) * in + out - 1) / out);
  }

  int size(int i) {
    return end(i) - start(i);
  }

  /**
   * Whether every window has the same size and they start a fixed stride apart: a plain pooling window. Not when
   * windows repeat (pooling up from fewer inputs than outputs puts two windows at one start): ONNX has no stride 0.
   */
  boolean regular() {
    if (out > 1 && stride() < 1) {
      return false;
    }
    for (int i = 0; i < out; i++) {
      if (size(i) != size(0) || start(i) != i * stride()) {
        return false;
      }
    }
    return true;
  }

  /** The window of a {@link #regular()} pooling. */
  int kernel() {
    return size(0);
  }

  /** The stride of a {@link #regular()} pooling; 1 when there is one window (any stride gives one output). */
  int stride() {
    return out == 1 ? 1 : start(1);
  }

  /**
   * The pooling as a matrix {@code [out, in]}: row {@code i} holds {@code 1 / size(i)} over window {@code i}, so a
   * matrix product averages every window at once, whatever their sizes.
   */
  float[] averagingRows() {
    float[] m = new float[Math.multiplyExact(out, in)];
    for (int i = 0; i < out; i++) {
      float weight = 1.0f / size(i);
      for (int j = start(i); j < end(i); j++) {
        m[i * in + j] = weight;
      }
    }
    return m;
  }

  /** {@link #averagingRows()} transposed, {@code [in, out]}, to multiply from the right. */
  float[] averagingColumns() {
    float[] m = new float[Math.multiplyExact(in, out)];
    for (int i = 0; i < out; i++) {
      float weight = 1.0f / size(i);
      for (int j = start(i); j < end(i); j++) {
        m[j * out + i] = weight;
      }
    }
    return m;
  }
}
