package netforge.processor.kernel;

/**
 * Kernels that copy an operand into the strip layout {@link Gemm} reads, zero-padding the last strip: the place
 * where an im2col, a transpose or a flatten happens, once, instead of inside the GEMM's inner loop. The element
 * is read through an {@code at} function the caller defines, {@code (src, extra..., row, col)}.
 */
final class Pack {
  private Pack() {}

  /**
   * Packs A ({@code m_rows x k_depth}) into strips of {@code TM} rows; arguments {@code (src, ap, m_rows, k_depth)}
   * then {@code extraParameters}; one work-item per (k, strip).
   */
  static void rows(ClSource cl, String name, String purpose, String extraParameters, String atCall) {
    cl.line("// A for %s: strips of TM rows, k-major", purpose);
    cl.open("__kernel void %s(__global const real* restrict src, __global real* restrict ap, const int m_rows, "
        + "const int k_depth%s) {", name, extraParameters.isEmpty() ? "" : ", " + extraParameters);
    cl.line("const int k = get_global_id(0);");
    cl.line("const int strip = get_global_id(1);");
    cl.line("if (k >= k_depth) return;");
    cl.line("__global real* dst = ap + ((size_t)strip * k_depth + k) * TM;");
    cl.open("for (int i = 0; i < TM; ++i) {");
    cl.line("const int m = strip * TM + i;");
    cl.line("dst[i] = m < m_rows ? %s : (real)0;", atCall.replace("ROW", "m").replace("COL", "k"));
    cl.close();
    cl.close();
    cl.blank();
  }

  /**
   * Packs B ({@code k_depth x n_cols}) into strips of {@code TN} columns; arguments
   * {@code (src, bp, n_cols, k_depth)} then {@code extraParameters}; one work-item per (k, strip).
   */
  static void columns(ClSource cl, String name, String purpose, String extraParameters, String atCall) {
    cl.line("// B for %s: strips of TN columns, k-major", purpose);
    cl.open("__kernel void %s(__global const real* restrict src, __global real* restrict bp, const int n_cols, "
        + "const int k_depth%s) {", name, extraParameters.isEmpty() ? "" : ", " + extraParameters);
    cl.line("const int k = get_global_id(0);");
    cl.line("const int strip = get_global_id(1);");
    cl.line("if (k >= k_depth) return;");
    cl.line("__global real* dst = bp + ((size_t)strip * k_depth + k) * TN;");
    cl.open("for (int t = 0; t < TN; ++t) {");
    cl.line("const int n = strip * TN + t;");
    cl.line("dst[t] = n < n_cols ? %s : (real)0;", atCall.replace("ROW", "k").replace("COL", "n"));
    cl.close();
    cl.close();
    cl.blank();
  }
}
