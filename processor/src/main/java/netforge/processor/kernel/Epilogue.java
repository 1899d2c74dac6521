package netforge.processor.kernel;

import java.util.Locale;
import netforge.processor.model.Op;

/**
 * The elementwise steps fused after a reduction: the forward code that applies them to a value {@code y} at flat
 * output index {@code o}, and the backward mask that turns an incoming gradient into the gradient of the
 * reduction's output. Dropout masks come from {@code nf_keep(seed, step, key, o, threshold)}, a counter-based
 * hash, so backward regenerates them; the key is {@code 16 * stage + position in the epilogue}, as
 * {@code netforge.runtime.internal.DropoutMask} documents.
 */
final class Epilogue {
  private Epilogue() {}

  /** Statements that transform {@code y} in place; {@code o} is the flat output index, as {@code size_t}. */
  static void forward(ClSource cl, Stage stage) {
    for (int i = 0; i < stage.epilogue().size(); i++) {
      Op op = stage.epilogue().get(i);
      if (op instanceof Op.Relu) {
        cl.line("y = y < 0 ? (real)0 : y;  // ReLU; NaN stays NaN, as in PyTorch");
      } else if (op instanceof Op.Dropout d) {
        cl.line("if (training) y = nf_keep(seed, step, %du, o, %s) ? y * (real)%s : (real)0;  // dropout p = %s",
            key(stage, i), threshold(d.p()), scale(d.p()), d.p());
      }
    }
  }

  /** The name of the stage's backward mask function, or {@code null} when it has no elementwise steps. */
  static String maskFunction(Stage stage, String prefix) {
    return stage.hasMask() ? prefix + "_" + stage.tag(false) + "_dmask" : null;
  }

  /** Defines the mask function: dL/d(reduction output) from dL/dy, y and the dropout key. */
  static void defineMask(ClSource cl, Stage stage, String prefix) {
    if (!stage.hasMask()) {
      return;
    }
    cl.line("// Backward through %s of stage %d: ReLU passes where the stored output is positive; dropout",
        stage.epilogueSuffix().substring(1).replace('_', ' ').replace(' ', '+'), stage.index());
    cl.line("// regenerates its mask from the same key as the forward pass.");
    cl.open("static inline real %s(real g, const real y, const size_t o, const int training, const ulong seed, "
        + "const uint step) {", maskFunction(stage, prefix));
    for (int i = 0; i < stage.epilogue().size(); i++) {
      if (stage.epilogue().get(i) instanceof Op.Dropout d) {
        cl.line("if (training) g = nf_keep(seed, step, %du, o, %s) ? g * (real)%s : (real)0;", key(stage, i),
            threshold(d.p()), scale(d.p()));
      }
    }
    if (stage.hasRelu()) {
      cl.line("g = y > 0 ? g : (real)0;");
    }
    cl.line("return g;");
    cl.close();
  }

  /** The expression for the masked gradient at index {@code o}. */
  static String masked(Stage stage, String prefix, String gradient, String output, String index) {
    return stage.hasMask()
        ? String.format("%s(%s, %s, %s, training, seed, step)", maskFunction(stage, prefix), gradient, output, index)
        : gradient;
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
