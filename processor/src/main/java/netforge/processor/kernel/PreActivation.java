package netforge.processor.kernel;

import java.util.List;
import netforge.processor.model.Op;

/**
 * Whether a stage's backward pass can differentiate its epilogue from the stored output alone, or needs the
 * epilogue's input (the pre-activation) kept in a buffer of its own.
 *
 * <p>The backward pass walks the epilogue from its last step to its first, and at each step it knows the step's
 * output only as well as the steps after it let it see through:
 * <ul>
 *   <li><em>exactly</em> at the last step (the stored output), and through a ReLU, whose input equals its output
 *       wherever a gradient passes (elsewhere the gradient is zero already);</li>
 *   <li>only its <em>sign</em> through dropout (which scales or zeroes, and zeroes the gradient with it), a leaky
 *       ReLU of positive slope (which scales the negative side) and tanh (odd and increasing);</li>
 *   <li><em>not at all</em> through a sigmoid, which maps every input above zero.</li>
 * </ul>
 * ReLU and a leaky ReLU of positive slope need only the sign of their output ({@code y > 0} exactly when
 * {@code x > 0}); tanh and sigmoid need their exact output ({@code 1 - t^2}, {@code s (1 - s)}); GELU, SiLU and a
 * leaky ReLU of slope {@code <= 0} (whose output does not tell the input's sign) need their input. Where a step
 * needs more than the walk knows, the stage keeps the pre-activation and the backward pass replays the epilogue
 * from it. ReLU and dropout alone never need it, so networks of them keep their programs and memory.
 */
final class PreActivation {
  private PreActivation() {}

  /** How much of a step's output the walk back from the stored output knows. */
  private enum Known { EXACT, SIGN, NOTHING }

  /** Whether {@code epilogue} needs its input kept for its derivative. */
  static boolean needed(List<Op> epilogue) {
    Known known = Known.EXACT;
    for (int i = epilogue.size() - 1; i >= 0; i--) {
      Op op = epilogue.get(i);
      if (op instanceof Op.Dropout) {
        known = weaker(known, Known.SIGN);
      } else if (op instanceof Op.Relu) {
        if (known == Known.NOTHING) {
          return true;
        }
      } else if (op instanceof Op.LeakyRelu l && l.slope() > 0) {
        if (known == Known.NOTHING) {
          return true;
        }
        known = weaker(known, Known.SIGN);
      } else if (op instanceof Op.Tanh || op instanceof Op.Sigmoid) {
        if (known != Known.EXACT) {
          return true;
        }
        known = op instanceof Op.Tanh ? Known.SIGN : Known.NOTHING;
      } else {
        return true; // GELU, SiLU, a leaky ReLU of slope <= 0: derivatives of the input
      }
    }
    return false;
  }

  private static Known weaker(Known a, Known b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
