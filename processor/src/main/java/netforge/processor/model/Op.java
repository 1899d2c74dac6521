package netforge.processor.model;

/**
 * One step of a layer field, in the order its annotations are written. A <em>reduction</em> (convolution, dense,
 * pooling, LRN) reads a neighbourhood of its input and opens a kernel; an <em>elementwise</em> step (ReLU,
 * dropout) fuses into the kernel before it; {@link Flatten} only changes how the shape is viewed.
 */
public sealed interface Op {

  /** The annotation's simple name, as the user wrote it: {@code Conv}, {@code ReLU}, ... */
  String annotation();

  default boolean isElementwise() {
    return this instanceof Relu || this instanceof Dropout;
  }

  /**
   * A 2-D convolution; weights {@code [out, in / groups, kh, kw]}. {@code k} given means {@code kh = kw = k};
   * {@code pad} is the annotation's {@code p}, {@code padH} and {@code padW} its {@code ph} and {@code pw} (-1: equal
   * to {@code p}); {@code groups} splits the input channels and {@code out} into that many independent parts.
   */
  record Conv(int out, int k, int kh, int kw, int stride, int pad, int padH, int padW, boolean bias, int groups)
      implements Op {
    /** A convolution padded alike on both axes. */
    public Conv(int out, int k, int kh, int kw, int stride, int pad, boolean bias) {
      this(out, k, kh, kw, stride, pad, Padding.SAME_AS_P, Padding.SAME_AS_P, bias);
    }

    /** A convolution of one group, every input channel connected to every output channel. */
    public Conv(int out, int k, int kh, int kw, int stride, int pad, int padH, int padW, boolean bias) {
      this(out, k, kh, kw, stride, pad, padH, padW, bias, 1);
    }

    public String annotation() {
      return "Conv";
    }

    /** Kernel height, from {@code k} or {@code kh}. */
    public int kernelHeight() {
      return k != 0 ? k : kh;
    }

    /** Kernel width, from {@code k} or {@code kw}. */
    public int kernelWidth() {
      return k != 0 ? k : kw;
    }

    /** Rows of zeros above and below, from {@code ph} or {@code p}. */
    public int padHeight() {
      return Padding.resolve(pad, padH);
    }

    /** Columns of zeros left and right, from {@code pw} or {@code p}. */
    public int padWidth() {
      return Padding.resolve(pad, padW);
    }
  }

  /**
   * Max or average pooling with a square window; {@code stride == 0} means equal to {@code k}. Padding as for
   * {@link Conv}.
   */
  record Pool(PoolKind kind, int k, int stride, int pad, int padH, int padW) implements Op {
    /** A pool padded alike on both axes. */
    public Pool(PoolKind kind, int k, int stride, int pad) {
      this(kind, k, stride, pad, Padding.SAME_AS_P, Padding.SAME_AS_P);
    }

    public String annotation() {
      return kind == PoolKind.MAX ? "MaxPool" : "AvgPool";
    }

    public int effectiveStride() {
      return stride == 0 ? k : stride;
    }

    /** Rows of padding above and below, from {@code ph} or {@code p}. */
    public int padHeight() {
      return Padding.resolve(pad, padH);
    }

    /** Columns of padding left and right, from {@code pw} or {@code p}. */
    public int padWidth() {
      return Padding.resolve(pad, padW);
    }
  }

  enum PoolKind { MAX, AVG }

  /** Adaptive average pooling to {@code h x w}, with PyTorch's window rule. */
  record AdaptiveAvgPool(int h, int w) implements Op {
    public String annotation() {
      return "AdaptiveAvgPool";
    }
  }

  /** A fully connected layer; weights {@code [out, in]}; {@code in == 0} means inferred. */
  record Dense(int out, int in, boolean bias) implements Op {
    public String annotation() {
      return "Dense";
    }
  }

  /** Views {@code [c, h, w]} as {@code [c * h * w]}. */
  record Flatten() implements Op {
    public String annotation() {
      return "Flatten";
    }
  }

  /** {@code max(0, x)}. */
  record Relu() implements Op {
    public String annotation() {
      return "ReLU";
    }
  }

  /** Inverted dropout with drop probability {@code p}. */
  record Dropout(double p) implements Op {
    public String annotation() {
      return "Dropout";
    }
  }

  /** PyTorch's {@code LocalResponseNorm(size, alpha, beta, k)}. */
  record Lrn(int size, double alpha, double beta, double k) implements Op {
    public String annotation() {
      return "LRN";
    }
  }
}
