package netforge.processor.model;

import java.util.List;

/**
 * The arithmetic of every step: output shape, validity of hyper-parameters, parameter and FLOP counts. Pure
 * functions; the checks use them to decide what to report, and {@link ShapeInference} to decide what flows on.
 */
public final class ShapeRules {

  /** NetForge indexes one image's tensor and one parameter tensor with 32-bit ints. */
  public static final long MAX_ELEMENTS = Integer.MAX_VALUE;
  /** All parameters live in one flat buffer, indexed with 32-bit ints too. */
  public static final long MAX_PARAMETERS = Integer.MAX_VALUE;

  private ShapeRules() {}

  /** PyTorch's sliding-window size: {@code floor((in + 2p - k) / s) + 1}; may be zero or negative. */
  public static long windowOutput(int in, int k, int stride, int pad) {
    return Math.floorDiv((long) in + 2L * pad - k, stride) + 1;
  }

  /**
   * Input rows (or columns) that no window reads. With {@code s <= k} the windows touch or overlap, so only rows
   * after the last window go unread (a row of trailing padding the windows skip is not input, and reading every
   * input row is all that matters); with {@code s > k} every window also skips the {@code s - k} rows after it.
   * 0 when there is no window at all (an empty output is an error of its own).
   */
  public static long unreadByWindow(int in, int k, int stride, int pad) {
    long windows = windowOutput(in, k, stride, pad);
    if (windows < 1) {
      return 0;
    }
    long lastRead = (windows - 1) * stride + k - 1 - pad; // the last row the last window covers, maybe padding
    if (stride <= k) {
      return Math.max(0, in - 1 - lastRead);
    }
    // Disjoint windows: the first starts in the top padding (p < k rows of it), the last may end in the bottom's.
    long read = windows * k - pad - Math.max(0, lastRead - (in - 1));
    return in - read;
  }

  /** Whether the step's own numbers are in range, independent of its input. */
  public static boolean hyperparametersValid(Op op) {
    if (op instanceof Op.Conv c) {
      return c.out() >= 1 && kernelGiven(c) && c.stride() >= 1 && c.groups() >= 1
          && !Padding.givenTwice(c.pad(), c.padH(), c.padW()) && c.padHeight() >= 0 && c.padHeight() < c.kernelHeight()
          && c.padWidth() >= 0 && c.padWidth() < c.kernelWidth();
    } else if (op instanceof Op.Pool p) {
      return p.k() >= 1 && p.stride() >= 0 && !Padding.givenTwice(p.pad(), p.padH(), p.padW())
          && p.padHeight() >= 0 && p.padHeight() <= p.k() / 2 && p.padWidth() >= 0 && p.padWidth() <= p.k() / 2;
    } else if (op instanceof Op.AdaptiveAvgPool a) {
      return a.h() >= 1 && a.w() >= 1;
    } else if (op instanceof Op.Dense d) {
      return d.out() >= 1 && d.in() >= 0;
    } else if (op instanceof Op.Dropout d) {
      return d.p() >= 0 && d.p() < 1;
    } else if (op instanceof Op.LeakyRelu l) {
      return Double.isFinite(l.slope());
    } else if (op instanceof Op.BatchNorm b) {
      return b.eps() > 0 && Double.isFinite(b.eps()) && b.momentum() >= 0 && b.momentum() <= 1;
    } else if (op instanceof Op.Lrn l) {
      return l.size() >= 1 && l.alpha() >= 0 && l.beta() >= 0 && l.k() > 0
          && Double.isFinite(l.alpha()) && Double.isFinite(l.beta()) && Double.isFinite(l.k());
    }
    return true;
  }

  /** Exactly one of {@code k} or the pair {@code kh}, {@code kw}, each at least 1. */
  public static boolean kernelGiven(Op.Conv c) {
    boolean square = c.k() >= 1 && c.kh() == 0 && c.kw() == 0;
    boolean rectangular = c.k() == 0 && c.kh() >= 1 && c.kw() >= 1;
    return square || rectangular;
  }

  /** Whether the step slides a window over {@code [c, h, w]} and so needs a spatial input. */
  public static boolean needsSpatialInput(Op op) {
    return op instanceof Op.Conv || op instanceof Op.Pool || op instanceof Op.AdaptiveAvgPool
        || op instanceof Op.Lrn;
  }

  /**
   * The step's output for {@code in}, or {@link Shape#ERROR} when the input is unknown, the step's numbers are out
   * of range, the input has the wrong kind, the output would be empty, or it would exceed {@link #MAX_ELEMENTS}.
   */
  public static Shape output(Op op, Shape in) {
    if (in.isError() || !hyperparametersValid(op) || (needsSpatialInput(op) && !in.isSpatial())) {
      return Shape.ERROR;
    }
    if (op instanceof Op.Conv c) {
      if (!groupsDivide(c, in)) {
        return Shape.ERROR;
      }
      return spatial(c.out(),
          windowOutput(in.height(), c.kernelHeight(), c.stride(), c.padHeight()),
          windowOutput(in.width(), c.kernelWidth(), c.stride(), c.padWidth()));
    } else if (op instanceof Op.Pool p) {
      return spatial(in.channels(),
          windowOutput(in.height(), p.k(), p.effectiveStride(), p.padHeight()),
          windowOutput(in.width(), p.k(), p.effectiveStride(), p.padWidth()));
    } else if (op instanceof Op.AdaptiveAvgPool a) {
      return spatial(in.channels(), a.h(), a.w());
    } else if (op instanceof Op.Dense d) {
      return Shape.flat(d.out());
    } else if (op instanceof Op.Flatten) {
      return in.flattened();
    }
    return in; // activations, dropout, LRN and batch normalisation keep the shape
  }

  /**
   * The output of a join of {@code inputs}, or {@link Shape#ERROR} when an input is unknown or they do not fit:
   * an add needs one shape; a concatenation one height and width (or all vectors), and gives the channels' sum.
   */
  public static Shape joined(Op.Join join, List<Shape> inputs) {
    if (inputs.isEmpty() || inputs.stream().anyMatch(Shape::isError)) {
      return Shape.ERROR;
    }
    Shape first = inputs.get(0);
    if (join instanceof Op.Add) {
      return inputs.stream().allMatch(first::equals) ? first : Shape.ERROR;
    }
    long channels = 0;
    for (Shape in : inputs) {
      if (in.kind() != first.kind() || in.height() != first.height() || in.width() != first.width()) {
        return Shape.ERROR;
      }
      channels = sum(channels, in.channels());
    }
    return first.isSpatial() ? spatial(channels, first.height(), first.width())
        : channels <= MAX_ELEMENTS ? Shape.flat((int) channels) : Shape.ERROR;
  }

  /**
   * The channels a batch normalisation of {@code in} normalises, each with its own statistics: an image's channels
   * (BatchNorm2d), or every feature of a vector (BatchNorm1d).
   */
  public static long normalisedChannels(Shape in) {
    return in.isSpatial() ? in.channels() : in.size();
  }

  /**
   * Whether a convolution's {@code groups} divides both its input channels and {@code out}, as PyTorch requires:
   * each group convolves {@code in / groups} channels into {@code out / groups}.
   */
  public static boolean groupsDivide(Op.Conv c, Shape in) {
    return c.groups() >= 1 && in.channels() % c.groups() == 0 && c.out() % c.groups() == 0;
  }

  /**
   * Input channels each output channel of a convolution sees: {@code in / groups}, PyTorch's weight dimension 1
   * (all of them while {@code groups} is itself out of range and reported).
   */
  public static int channelsPerGroup(Op.Conv c, Shape in) {
    return c.groups() >= 1 ? in.channels() / c.groups() : in.channels();
  }

  private static Shape spatial(long c, long h, long w) {
    if (c < 1 || h < 1 || w < 1 || product(c, h, w) > MAX_ELEMENTS) {
      return Shape.ERROR;
    }
    return Shape.spatial((int) c, (int) h, (int) w);
  }

  /** Input features of a dense layer: the flattened input. */
  public static long denseInputs(Shape in) {
    return in.size();
  }

  /** Elements of the step's weight tensor (0 for steps without weights). */
  public static long weightCount(Op op, Shape in) {
    if (op instanceof Op.Conv c) {
      return product(c.out(), channelsPerGroup(c, in), c.kernelHeight(), c.kernelWidth());
    } else if (op instanceof Op.Dense d) {
      return product(d.out(), denseInputs(in));
    } else if (op instanceof Op.BatchNorm) {
      return normalisedChannels(in);
    }
    return 0;
  }

  /** Elements of the step's bias (0 without one); a batch normalisation's is one per channel of {@code in}. */
  public static long biasCount(Op op, Shape in) {
    if (op instanceof Op.Conv c) {
      return c.bias() ? c.out() : 0;
    } else if (op instanceof Op.Dense d) {
      return d.bias() ? d.out() : 0;
    } else if (op instanceof Op.BatchNorm) {
      return normalisedChannels(in);
    }
    return 0;
  }

  /**
   * The product of non-negative factors, saturating at {@link Long#MAX_VALUE} instead of overflowing: every size
   * the processor multiplies goes through here, so a huge layer is "too large", never a wrapped negative shape.
   */
  public static long product(long... factors) {
    long result = 1;
    for (long f : factors) {
      if (f != 0 && result > Long.MAX_VALUE / f) {
        return Long.MAX_VALUE;
      }
      result *= f;
    }
    return result;
  }

  /** {@code a + b} for non-negative counts, saturating at {@link Long#MAX_VALUE}. */
  public static long sum(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  /** Trainable parameters of the step for input {@code in}. */
  public static long parameters(Op op, Shape in) {
    return in.isError() ? 0 : Math.addExact(Math.min(weightCount(op, in), Long.MAX_VALUE / 2), biasCount(op, in));
  }

  /** Forward FLOPs per image: 2 per multiply-accumulate of a convolution or dense layer; 0 otherwise. */
  public static long flops(Op op, Shape in, Shape out) {
    if (in.isError() || out.isError()) {
      return 0;
    }
    if (op instanceof Op.Conv c) {
      return product(2, out.size(), channelsPerGroup(c, in), c.kernelHeight(), c.kernelWidth());
    } else if (op instanceof Op.Dense d) {
      return product(2, d.out(), denseInputs(in));
    }
    return 0;
  }
}
