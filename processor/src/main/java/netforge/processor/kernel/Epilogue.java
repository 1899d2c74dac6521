package netforge.processor.kernel;

import java.util.List;
import java.util.Locale;
import netforge.processor.model.Op;

/**
 * The elementwise steps fused after a reduction: the forward code that applies them to a value {@code y} at flat
 * output index {@code o}, and the backward mask that turns an incoming gradient into the gradient of the
 * reduction's output. Dropout masks come from {@code nf_keep(seed, step, key, o, threshold)}, a counter-based
 * hash, so backward regenerates them; the key is {@code 16 * stage + position in the epilogue}, as
 * {@code netforge.runtime.internal.DropoutMask} documents. Activations are {@link ActivationCode}'s; the mask
 * works from the stored output where that determines every derivative, else from the epilogue's input, which the
 * forward pass then also stores ({@link PreActivation}), in the kernel parameter {@code pre}.
 */
final class Epilogue {
  private Epilogue() {}

  /** Statements that transform {@code y} in place; {@code o} is the flat output index, as {@code size_t}. */
  static void forward(ClSource cl, Stage stage) {
    if (stage.storesPreActivation()) {
      cl.line("if (training) pre[o] = y;  // the epilogue's input, for the backward pass");
    }
    for (int i = 0; i < stage.epilogue().size(); i++) {
      Op op = stage.epilogue().get(i);
      if (op instanceof Op.Activation a) {
        cl.line("y = %s;  // %s", ActivationCode.scalar(a, "y"), ActivationCode.comment(a, false));
      } else if (op instanceof Op.Dropout d) {
        cl.line("if (training) y = nf_keep(seed, step, %du, o, %s) ? y * (real)%s : (real)0;  // dropout p = %s",
            key(stage, i), threshold(d.p()), scale(d.p()), d.p());
      }
    }
  }

  /**
   * Statements that transform the 16-wide vector {@code x} in place, for an epilogue without dropout (whose mask
   * is per element). A ReLU right after a ReLU changes nothing and is left out.
   */
  static void forwardVector(ClSource cl, Stage stage, String x) {
    Op previous = null;
    for (Op op : stage.epilogue()) {
      if (op instanceof Op.Activation a && !(op instanceof Op.Relu && previous instanceof Op.Relu)) {
        cl.line("%s = %s;  // %s", x, ActivationCode.vector(a, x), ActivationCode.comment(a, true));
      } else if (op instanceof Op.Dropout) {
        throw new IllegalStateException("dropout has no vector epilogue");
      }
      previous = op;
    }
  }

  /** The name of the stage's backward mask function, or {@code null} when it has no elementwise steps. */
  static String maskFunction(Stage stage, String prefix) {
    return stage.hasMask() ? prefix + "_" + stage.tag(false) + "_dmask" : null;
  }

  /**
   * Defines the mask function: dL/d(reduction output) from dL/dy, the stored output {@code y} (or, for a stage that
   * stores it, the epilogue's input {@code z}) and the dropout key.
   */
  static void defineMask(ClSource cl, Stage stage, String prefix) {
    if (!stage.hasMask()) {
      return;
    }
    String steps = stage.epilogueSuffix().substring(1).replace('_', '+');
    if (stage.storesPreActivation()) {
      replayMask(cl, stage, prefix, steps);
      return;
    }
    boolean onlyReluAndDropout = stage.epilogue().stream().allMatch(op -> op instanceof Op.Relu
        || op instanceof Op.Dropout);
    if (onlyReluAndDropout) {
      cl.line("// Backward through %s of stage %d: ReLU passes where the stored output is positive; dropout", steps,
          stage.index());
      cl.line("// regenerates its mask from the same key as the forward pass.");
    } else {
      cl.line("// Backward through %s of stage %d from the stored output y, which gives each activation's derivative",
          steps, stage.index());
      cl.line("// (y is its output, or of the same sign where only the sign matters).");
      regeneratedDropout(cl, stage);
    }
    cl.open("static inline real %s(real g, const real y, const size_t o, const int training, const ulong seed, "
        + "const uint step) {", maskFunction(stage, prefix));
    List<Op> epilogue = stage.epilogue();
    for (int i = 0; i < epilogue.size(); i++) {
      if (epilogue.get(i) instanceof Op.Dropout d) {
        dropoutMask(cl, stage, i, d);
      }
    }
    // every factor here is a function of y alone, so their order does not matter; a repeated ReLU is the same factor
    boolean relu = false;
    for (int i = epilogue.size() - 1; i >= 0; i--) {
      if (epilogue.get(i) instanceof Op.Activation a && !(a instanceof Op.Relu && relu)) {
        ActivationCode.derivative(cl, a, "y", "y", String.valueOf(i));
        relu |= a instanceof Op.Relu;
      }
    }
    cl.line("return g;");
    cl.close();
  }

  /**
   * The mask of a stage that stores the epilogue's input {@code z}: the epilogue is replayed from it ({@code v0 = z},
   * {@code v<i+1>} the output of step {@code i}), then each step's derivative applied, the last step's first.
   */
  private static void replayMask(ClSource cl, Stage stage, String prefix, String steps) {
    List<Op> epilogue = stage.epilogue();
    cl.line("// Backward through %s of stage %d from its stored input z: the epilogue is replayed from z, then each",
        steps, stage.index());
    cl.line("// step's derivative applied, last step first.");
    regeneratedDropout(cl, stage);
    cl.open("static inline real %s(real g, const real z, const size_t o, const int training, const ulong seed, "
        + "const uint step) {", maskFunction(stage, prefix));
    cl.line("const real v0 = z;");
    int last = epilogue.size() - 1;
    boolean lastOutputRead = epilogue.get(last) instanceof Op.Activation a && ActivationCode.derivativeReadsOutput(a);
    for (int i = 0; i < (lastOutputRead ? epilogue.size() : last); i++) {
      Op op = epilogue.get(i);
      if (op instanceof Op.Activation a) {
        cl.line("const real v%d = %s;", i + 1, ActivationCode.scalar(a, "v" + i));
      } else if (op instanceof Op.Dropout d) {
        cl.line("const real v%d = !training ? v%d : nf_keep(seed, step, %du, o, %s) ? v%d * (real)%s : (real)0;",
            i + 1, i, key(stage, i), threshold(d.p()), i, scale(d.p()));
      }
    }
    for (int i = last; i >= 0; i--) {
      Op op = epilogue.get(i);
      if (op instanceof Op.Activation a) {
        ActivationCode.derivative(cl, a, "v" + i, "v" + (i + 1), String.valueOf(i));
      } else if (op instanceof Op.Dropout d) {
        dropoutMask(cl, stage, i, d);
      }
    }
    cl.line("return g;");
    cl.close();
  }

  private static void regeneratedDropout(ClSource cl, Stage stage) {
    if (stage.hasDropout()) {
      cl.line("// Dropout regenerates its mask from the forward pass's key.");
    }
  }

  private static void dropoutMask(ClSource cl, Stage stage, int position, Op.Dropout d) {
    cl.line("if (training) g = nf_keep(seed, step, %du, o, %s) ? g * (real)%s : (real)0;", key(stage, position),
        threshold(d.p()), scale(d.p()));
  }

  /**
   * The expression for the masked gradient at index {@code o}: {@code output} is the stored output there, which a
   * stage that stores its epilogue's input replaces by {@code pre[index]}.
   */
  static String masked(Stage stage, String prefix, String gradient, String output, String index) {
    if (!stage.hasMask()) {
      return gradient;
    }
    String value = stage.storesPreActivation() ? "pre[" + index + "]" : output;
    return String.format("%s(%s, %s, %s, training, seed, step)", maskFunction(stage, prefix), gradient, value, index);
  }

  static int key(Stage stage, int position) {
    return 16 * stage.index() + position;
  }

  /** {@code p * 2^32}, rounded: an element is kept when the top 32 bits of its hash are at least this. */
  static String threshold(double p) {
    long t = Math.round(p * 4294967296.0);
    return String.format(Locale.ROOT, "0x%08xu", Math.min(t, 0xffffffffL));
  }

  static String scale(double p) {
    return Names.floatLiteral(1.0 / (1.0 - p));
  }
}
