package netforge.processor.kernel;

/**
 * A specialised kernel that copies a B operand into the strip layout {@link Gemm} reads, zero-padding the last
 * strip: where a convolution's im2col happens, once, instead of inside the GEMM's inner loop. The element is read
 * through an {@code at} function the caller defines. Plain strided operands use {@link SharedKernels} instead.
 */
final class Pack {
  private Pack() {}

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
