package netforge.processor.kernel;

import netforge.processor.model.Op;

/**
 * The OpenCL C of each activation, forward and backward, as PyTorch defines them: scalar expressions for the
 * epilogue and its replay, 16-wide ones for a convolution's vector store, and the derivative applied to a gradient
 * {@code g}. Float code chosen for accuracy where the textbook formula loses it:
 * <ul>
 *   <li>sigmoid as {@code (x >= 0 ? 1 : e) / (1 + e)} with {@code e = exp(-|x|) <= 1}: no overflow on either
 *       side, and full relative precision for very negative inputs;</li>
 *   <li>GELU as {@code x / 2 * erfc(-x / sqrt 2)}, equal to PyTorch's {@code x / 2 * (1 + erf(x / sqrt 2))}
 *       without its cancellation for negative {@code x} (where {@code 1 + erf} loses every digit below -4).</li>
 * </ul>
 */
final class ActivationCode {
  /** {@code 1 / sqrt(2)}. */
  private static final String INV_SQRT2 = Names.floatLiteral(Math.sqrt(0.5));
  /** {@code 1 / sqrt(2 pi)}, the normal density at 0. */
  private static final String INV_SQRT_2PI = Names.floatLiteral(1 / Math.sqrt(2 * Math.PI));

  private ActivationCode() {}

  /** The activation of scalar {@code x}, a C expression of type {@code real}. */
  static String scalar(Op.Activation activation, String x) {
    if (activation instanceof Op.Relu) {
      return String.format("%s < 0 ? (real)0 : %s", x, x);
    } else if (activation instanceof Op.LeakyRelu l) {
      return String.format("%s > 0 ? %s : %s * (real)%s", x, x, x, Names.floatLiteral(l.slope()));
    } else if (activation instanceof Op.Tanh) {
      return String.format("tanh(%s)", x);
    } else if (activation instanceof Op.Sigmoid) {
      return sigmoid(x);
    } else if (activation instanceof Op.Gelu) {
      return String.format("(real)0.5f * %s * erfc(-%s * (real)%s)", x, x, INV_SQRT2);
    }
    return String.format("%s * %s", x, sigmoid(x)); // SiLU
  }

  /** What the forward line's comment says about it; {@code vector} for the 16-wide line. */
  static String comment(Op.Activation activation, boolean vector) {
    if (activation instanceof Op.Relu) {
      return vector ? "ReLU; NaN stays NaN" : "ReLU; NaN stays NaN, as in PyTorch";
    } else if (activation instanceof Op.LeakyRelu l) {
      return "leaky ReLU, slope " + l.slope() + "; NaN stays NaN";
    } else if (activation instanceof Op.Tanh) {
      return "tanh";
    } else if (activation instanceof Op.Sigmoid) {
      return "sigmoid from exp(-|x|) <= 1: no overflow";
    } else if (activation instanceof Op.Gelu) {
      return "GELU, x Phi(x); erfc(-t) is 1 + erf(t) without the cancellation";
    }
    return "SiLU, x sigmoid(x)";
  }

  /** The activation of the vector {@code x}, a C expression of type {@code real16}. */
  static String vector(Op.Activation activation, String x) {
    if (activation instanceof Op.Relu) {
      return String.format("select(%s, (real16)(0), %s < (real16)(0))", x, x);
    } else if (activation instanceof Op.LeakyRelu l) {
      return String.format("select(%s * (real)%s, %s, %s > (real16)(0))", x, Names.floatLiteral(l.slope()), x, x);
    } else if (activation instanceof Op.Tanh) {
      return String.format("tanh(%s)", x);
    } else if (activation instanceof Op.Sigmoid) {
      return vectorSigmoid(x);
    } else if (activation instanceof Op.Gelu) {
      return String.format("(real)0.5f * %s * erfc(-%s * (real)%s)", x, x, INV_SQRT2);
    }
    return String.format("%s * %s", x, vectorSigmoid(x));
  }

  /** Whether the derivative reads the activation's output (tanh, sigmoid) rather than its input. */
  static boolean derivativeReadsOutput(Op.Activation activation) {
    return activation instanceof Op.Tanh || activation instanceof Op.Sigmoid;
  }

  /**
   * Multiplies {@code g} by the derivative at input {@code x} and output {@code y}. ReLU and the leaky ReLU read
   * only the sign of {@code x}, tanh and sigmoid only {@code y}, GELU and SiLU only {@code x}; a caller without the
   * input passes the output's name for it where {@link PreActivation} has shown its sign is the input's.
   * {@code tag} makes the names of temporaries unique in the function.
   */
  static void derivative(ClSource cl, Op.Activation activation, String x, String y, String tag) {
    if (activation instanceof Op.Relu) {
      cl.line("g = %s > 0 ? g : (real)0;", x);
    } else if (activation instanceof Op.LeakyRelu l) {
      cl.line("g = %s > 0 ? g : g * (real)%s;", x, Names.floatLiteral(l.slope()));
    } else if (activation instanceof Op.Tanh) {
      cl.line("g *= (real)1 - %s * %s;", y, y);
    } else if (activation instanceof Op.Sigmoid) {
      cl.line("g *= %s * ((real)1 - %s);", y, y);
    } else if (activation instanceof Op.Gelu) {
      cl.line("g *= (real)0.5f * erfc(-%s * (real)%s) + %s * exp((real)-0.5f * %s * %s) * (real)%s;  // Phi + x phi",
          x, INV_SQRT2, x, x, x, INV_SQRT_2PI);
    } else {
      cl.line("const real s%s = %s;", tag, sigmoid(x));
      cl.line("g *= s%s * ((real)1 + %s * ((real)1 - s%s));  // SiLU: s (1 + x (1 - s))", tag, x, tag);
    }
  }

  private static String sigmoid(String x) {
    return String.format("(%s >= 0 ? (real)1 : exp(-fabs(%s))) / ((real)1 + exp(-fabs(%s)))", x, x, x);
  }

  private static String vectorSigmoid(String x) {
    return String.format("select(exp(-fabs(%s)), (real16)(1), %s >= (real16)(0)) / ((real16)(1) + exp(-fabs(%s)))",
        x, x, x);
  }
}
