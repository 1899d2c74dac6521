package netforge.processor.kernel;

/**
 * The windows that cover one input pixel {@code (ih, iw)}, for a {@code kh x kw} window moved by stride {@code s}
 * over an input padded by {@code padH} rows and {@code padW} columns to an {@code oh x ow} output: at most
 * {@code ceil(kh / s) x ceil(kw / s)} of them. {@link #open} emits two unrolled loops over those candidates that
 * define, for each, its output position {@code oh, ow}, the pixel's row and column inside it {@code dh, dw}, and
 * {@code covers}: whether the candidate is a real window that holds the pixel. The caller's body reads through
 * indices clamped with {@code covers} and selects, so there are no branches and PoCL vectorizes across work-items.
 * Backward pooling and col2im share it.
 */
final class CoveringWindows {
  private CoveringWindows() {}

  static void open(ClSource cl, int kh, int kw, int s, int padH, int padW, int oh, int ow) {
    int rows = (kh + s - 1) / s;
    int columns = (kw + s - 1) / s;
    cl.line("#pragma unroll");
    cl.open("for (int j = 0; j < %d; ++j) {", rows);
    cl.line("const int oh = (ih + %d) / %d - %d + j;", padH, s, rows - 1);
    cl.line("const int dh = ih + %d - oh * %d;", padH, s);
    cl.line("#pragma unroll");
    cl.open("for (int i = 0; i < %d; ++i) {", columns);
    cl.line("const int ow = (iw + %d) / %d - %d + i;", padW, s, columns - 1);
    cl.line("const int dw = iw + %d - ow * %d;", padW, s);
    cl.line("const int covers = oh >= 0 && oh < %d && dh < %d && ow >= 0 && ow < %d && dw < %d;", oh, kh, ow, kw);
  }

  static void close(ClSource cl) {
    cl.close();
    cl.close();
  }

  /** The padding for a kernel's heading: {@code 1} when both axes have it, {@code 1x2} (rows x columns) otherwise. */
  static String padding(int padH, int padW) {
    return padH == padW ? String.valueOf(padH) : padH + "x" + padW;
  }

  /** The candidates per pixel, for the kernel's comment. */
  static String count(int kh, int kw, int s) {
    return (kh + s - 1) / s + " x " + (kw + s - 1) / s;
  }
}
