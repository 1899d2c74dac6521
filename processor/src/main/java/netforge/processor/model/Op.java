package netforge.processor.model;

import java.util.List;

/**
 * One step of a layer field, in the order its annotations are written. A <em>reduction</em> (convolution, dense,
 * pooling, LRN, batch normalisation) reads a neighbourhood of its input (or, for batch normalisation, the whole
 * batch) and opens a kernel; an <em>elementwise</em> step (an {@link Activation}, dropout) fuses into the kernel
 * before it; {@link Flatten} only changes how the shape is viewed.
 */
public sealed interface Op {

  /** The annotation's simple name, as the user wrote it: {@code Conv}, {@code ReLU}, ... */
  String annotation();

  default boolean isElementwise() {
    return this instanceof Activation || this instanceof Dropout;
  }

  /** A pointwise nonlinearity: ReLU and its kin, each PyTorch's module of the same name. */
  sealed interface Activation extends Op permits Relu, LeakyRelu, Tanh, Sigmoid, Gelu, Silu {}

  /**
   * Whether this step names where the field's input comes from ({@link From}, {@link Add}, {@link Concat}) rather
   * than transforming it: such a step comes first on its field.
   */
  default boolean isSource() {
    return this instanceof From || this instanceof Join;
  }

  /** The layers this step reads by name, in the order written; empty for a step that reads the field's input. */
  default List<String> sources() {
    if (this instanceof From f) {
      return List.of(f.layer());
    }
    return this instanceof Join j ? j.layers() : List.of();
  }

  /** The field reads the output of the named layer instead of the field above it. */
  record From(String layer) implements Op {
    public String annotation() {
      return "From";
    }
  }

  /** A step that combines the outputs of several named layers into one: {@link Add}, {@link Concat}. */
  sealed interface Join extends Op permits Add, Concat {
    /** The names of the inputs, in the order written. */
    List<String> layers();
  }

  /** The element-wise sum of the named layers' outputs, which have one shape. */
  record Add(List<String> layers) implements Join {
    public Add {
      layers = List.copyOf(layers);
    }

    public String annotation() {
      return "Add";
    }
  }

  /** The named layers' outputs stacked along the channels (or features), in order. */
  record Concat(List<String> layers) implements Join {
    public Concat {
      layers = List.copyOf(layers);
    }

    public String annotation() {
      return "Concat";
    }
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
  record Relu() implements Activation {
    public String annotation() {
      return "ReLU";
    }
  }

  /** {@code x > 0 ? x : slope * x}, PyTorch's {@code LeakyReLU(negative_slope)}. */
  record LeakyRelu(double slope) implements Activation {
    public String annotation() {
      return "LeakyReLU";
    }
  }

  /** {@code tanh(x)}. */
  record Tanh() implements Activation {
    public String annotation() {
      return "Tanh";
    }
  }

  /** {@code 1 / (1 + exp(-x))}. */
  record Sigmoid() implements Activation {
    public String annotation() {
      return "Sigmoid";
    }
  }

  /** {@code x * Phi(x)}, with the exact normal CDF (PyTorch's {@code GELU(approximate='none')}). */
  record Gelu() implements Activation {
    public String annotation() {
      return "GELU";
    }
  }

  /** {@code x * sigmoid(x)}. */
  record Silu() implements Activation {
    public String annotation() {
      return "SiLU";
    }
  }

  /** Inverted dropout with drop probability {@code p}. */
  record Dropout(double p) implements Op {
    public String annotation() {
      return "Dropout";
    }
  }

  /**
   * PyTorch's {@code BatchNorm2d} on an image, {@code BatchNorm1d} on a vector: one channel (feature) each for its
   * weight, bias and running statistics. {@code name} is the prefix of its tensors' names: as the user wrote it, or
   * as {@link TensorNames#resolveBatchNorms} derived it from the field; empty only before that.
   */
  record BatchNorm(double eps, double momentum, String name) implements Op {
    public String annotation() {
      return "BatchNorm";
    }
  }

  /** PyTorch's {@code LocalResponseNorm(size, alpha, beta, k)}. */
  record Lrn(int size, double alpha, double beta, double k) implements Op {
    public String annotation() {
      return "LRN";
    }
  }
}
