package netforge.processor.kernel;

/**
 * Kernels every network shares, emitted once per program: strided packing of A and B operands, and a GEMM whose
 * epilogue only stores (or accumulates) C. They take their strides as arguments, so one compiled kernel serves
 * every backward product and every plain matrix operand of a network; only the work that gains from constants
 * and fusion — forward epilogues, im2col, pooling, masks — is specialised per layer. Each compiled kernel costs
 * program-build time (about 0.1-0.2 s on PoCL), so this keeps the build short.
 *
 * <p>A strided operand element is {@code src[offset + r * row_stride + (c / grp) * grp_stride +
 * (c % grp) * col_stride]} for row {@code r} and column {@code c} of the operand as the GEMM sees it:
 * {@code grp = 1} is a plain (possibly transposed) matrix; {@code grp = pixels} reads an NCHW tensor as
 * {@code [channel, (image, pixel)]}. Where the values a work-item moves are adjacent in memory, it moves them as
 * 16-wide vectors.
 */
public final class SharedKernels {
  /** The title of the shared section. */
  static final String SECTION_TITLE = "shared kernels";

  static final Kernel PACK_ROWS = new Kernel("nf_pack_rows", Signatures.PACK_ROWS);
  static final Kernel PACK_COLUMNS = new Kernel("nf_pack_columns", Signatures.PACK_COLUMNS);
  static final Kernel GEMM_STORE = new Kernel("nf_gemm_store", Signatures.GEMM_STORE);

  /** The shared kernels, whose argument classes the runtime holds (see {@code SharedArgumentsWriter}). */
  static final java.util.List<Kernel> ALL = java.util.List.of(PACK_ROWS, PACK_COLUMNS, GEMM_STORE);

  private SharedKernels() {}

  static void openCl(ClSource cl) {
    cl.section("%s: strided operand packing, and the GEMM of backward products", SECTION_TITLE);
    cl.blank();
    cl.line("// Whether the columns c .. c+15 of a strided operand are adjacent in memory.");
    cl.open("static inline int nf_adjacent(const int c, const int grp, const long grp_stride, const long col_stride) {");
    cl.line("return (grp == 1 && grp_stride == 1) || (col_stride == 1 && c % grp + 16 <= grp);");
    cl.close();
    cl.blank();
    cl.line("// A (m_rows x k_depth) into strips of TM rows, k-major; A[m][k] at");
    cl.line("// offset + m * row_stride + (k / grp) * grp_stride + (k % grp) * col_stride.");
    cl.line("// One work-item moves 16 values of k for the TM rows of its strip: a vector load per row when they are");
    cl.line("// adjacent, then a transposed store into the strip.");
    cl.open("%s", PACK_ROWS.header());
    cl.line("const int k0 = get_global_id(0) * 16;");
    cl.line("const int strip = get_global_id(1);");
    cl.line("if (k0 >= k_depth) return;");
    cl.line("__global real* dst = ap + (size_t)strip * k_depth * TM;");
    cl.line("const __global real* column = src + offset + (size_t)(k0 / grp) * grp_stride + (size_t)(k0 % grp) * col_stride;");
    cl.open("if (k0 + 16 <= k_depth && nf_adjacent(k0, grp, grp_stride, col_stride)) {");
    cl.open("for (int i = 0; i < TM; ++i) {");
    cl.line("const int m = strip * TM + i;");
    cl.line("const real16 v = m < m_rows ? vload16(0, column + (size_t)m * row_stride) : (real16)(0);");
    cl.line("real values[16];");
    cl.line("vstore16(v, 0, values);");
    cl.line("for (int j = 0; j < 16; ++j) dst[(size_t)(k0 + j) * TM + i] = values[j];");
    cl.close();
    cl.line("return;");
    cl.close();
    cl.open("for (int k = k0; k < min(k0 + 16, k_depth); ++k) {");
    cl.line("const __global real* at = src + offset + (size_t)(k / grp) * grp_stride + (size_t)(k % grp) * col_stride;");
    cl.open("for (int i = 0; i < TM; ++i) {");
    cl.line("const int m = strip * TM + i;");
    cl.line("dst[(size_t)k * TM + i] = m < m_rows ? at[(size_t)m * row_stride] : (real)0;");
    cl.close();
    cl.close();
    cl.close();
    cl.blank();
    cl.line("// B (k_depth x n_cols) into strips of TN columns, k-major; B[k][n] at");
    cl.line("// offset + k * row_stride + (n / grp) * grp_stride + (n % grp) * col_stride.");
    cl.open("%s", PACK_COLUMNS.header());
    cl.line("const int k = get_global_id(0);");
    cl.line("const int strip = get_global_id(1);");
    cl.line("if (k >= k_depth) return;");
    cl.line("const __global real* row = src + offset + (size_t)k * row_stride;");
    cl.line("__global real* dst = bp + ((size_t)strip * k_depth + k) * TN;");
    cl.line("int n = strip * TN;");
    cl.line("int q = n / grp;");
    cl.line("int r = n - q * grp;");
    cl.open("if (n + TN <= n_cols && ((grp == 1 && grp_stride == 1) || (col_stride == 1 && r + TN <= grp))) {");
    cl.line("const __global real* from = row + (size_t)q * grp_stride + (size_t)r * col_stride;");
    cl.line("#pragma unroll");
    cl.line("for (int j = 0; j < TNV; ++j) vstore16(vload16(j, from), j, dst);");
    cl.line("return;");
    cl.close();
    cl.open("for (int t = 0; t < TN; ++t, ++n) {");
    cl.line("dst[t] = n < n_cols ? row[(size_t)q * grp_stride + (size_t)r * col_stride] : (real)0;");
    cl.open("if (++r == grp) {");
    cl.line("r = 0;");
    cl.line("++q;");
    cl.close();
    cl.close();
    cl.close();
    cl.blank();
    Gemm.render(cl, GEMM_STORE, "C = A x B stored at c[offset + m * ldc + n], or added to it when accumulate is set",
        e -> {
          e.line("const size_t o = offset + (size_t)m * ldc + n;");
          e.line("c[o] = accumulate ? c[o] + v : v;");
        },
        new Gemm.VectorEpilogue(null, e -> {
          e.line("__global real* out = c + offset + (size_t)m * ldc + nb;");
          e.line("#pragma unroll");
          e.line("for (int j = 0; j < TNV; ++j) vstore16(accumulate ? acc[i][j] + vload16(j, out) : acc[i][j], j, out);");
        }));
  }
}
