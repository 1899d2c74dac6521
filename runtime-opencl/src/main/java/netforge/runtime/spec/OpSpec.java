package netforge.runtime.spec;

/**
 * One step of a layer at run time, with the numbers the processor checked. Generated models describe themselves
 * with these, so tools (initialisation, safetensors, the test oracle) need no reflection.
 */
public sealed interface OpSpec {
  /**
   * A 2-D convolution; weights {@code [out, in / groups, kh, kw]}; {@code padH} rows of zeros above and below,
   * {@code padW} columns left and right, as PyTorch's {@code padding=(padH, padW)}; {@code groups} as PyTorch's
   * {@code groups=}: output channel {@code o} sees only the input channels of its group,
   * {@code o / (out / groups)}.
   */
  record Conv(int out, int kh, int kw, int stride, int padH, int padW, boolean bias, int groups) implements OpSpec {
    /** A convolution padded alike on both axes, as PyTorch's {@code padding=pad}. */
    public Conv(int out, int kh, int kw, int stride, int pad, boolean bias) {
      this(out, kh, kw, stride, pad, pad, bias);
    }

    /** A convolution of one group: every output channel sees every input channel. */
    public Conv(int out, int kh, int kw, int stride, int padH, int padW, boolean bias) {
      this(out, kh, kw, stride, padH, padW, bias, 1);
    }
  }

  /**
   * Max ({@code max == true}) or average pooling with a square window; the stride is resolved (never 0); padding
   * per axis as for {@link Conv}.
   */
  record Pool(boolean max, int k, int stride, int padH, int padW) implements OpSpec {
    /** A pool padded alike on both axes. */
    public Pool(boolean max, int k, int stride, int pad) {
      this(max, k, stride, pad, pad);
    }
  }

  /** Adaptive average pooling to {@code h x w}. */
  record AdaptiveAvgPool(int h, int w) implements OpSpec {}

  /** A fully connected layer; weights {@code [out, in]}. */
  record Dense(int out, boolean bias) implements OpSpec {}

  /** A view of {@code [c, h, w]} as {@code [c * h * w]}. */
  record Flatten() implements OpSpec {}

  /** {@code max(0, x)}. */
  record Relu() implements OpSpec {}

  /** {@code x > 0 ? x : slope * x}, PyTorch's {@code LeakyReLU(negative_slope = slope)}. */
  record LeakyRelu(double slope) implements OpSpec {}

  /** {@code tanh(x)}. */
  record Tanh() implements OpSpec {}

  /** The logistic function {@code 1 / (1 + exp(-x))}. */
  record Sigmoid() implements OpSpec {}

  /** {@code x * Phi(x)} with the exact normal CDF, PyTorch's {@code GELU(approximate='none')}. */
  record Gelu() implements OpSpec {}

  /** {@code x * sigmoid(x)}, PyTorch's {@code SiLU}. */
  record Silu() implements OpSpec {}

  /** Inverted dropout with drop probability {@code p}. */
  record Dropout(double p) implements OpSpec {}

  /** The element-wise sum of the layer's inputs ({@link LayerSpec#inputs()}), which share one shape. */
  record Add() implements OpSpec {}

  /** The layer's inputs stacked along the channels (or features), in order, as {@code torch.cat(xs, dim=1)}. */
  record Concat() implements OpSpec {}

  /**
   * Batch normalisation, PyTorch's {@code BatchNorm2d} on an image, {@code BatchNorm1d} on a vector; its tensors are
   * {@code <name>.weight}, {@code <name>.bias} (parameters) and {@code <name>.running_mean},
   * {@code <name>.running_var}, {@code <name>.num_batches_tracked} (state).
   */
  record BatchNorm(String name, double eps, double momentum) implements OpSpec {}

  /** Local response normalisation, PyTorch's formula. */
  record Lrn(int size, double alpha, double beta, double k) implements OpSpec {}
}
