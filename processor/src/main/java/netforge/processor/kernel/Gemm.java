package netforge.processor.kernel;

import java.util.function.Consumer;

/**
 * The register-tiled GEMM every convolution and dense layer runs on, forward and backward:
 * {@code C[M x N] = A[M x K] * B[K x N]}, with A packed in strips of {@code TM} rows and B in strips of
 * {@code TN} columns, both k-major, zero-padded to whole strips (see {@link SharedKernels}). Each
 * work-item keeps a {@code TM x TN} tile of C in {@code TM * TNV} 16-wide vector accumulators: per k it loads
 * {@code TNV} vectors of B, broadcasts {@code TM} scalars of A, and issues {@code TM * TNV} vector FMAs.
 *
 * <pre>
 *   ap: | strip 0: k=0 [TM rows] | k=1 [TM rows] | ... | strip 1: ...      (A, k-major per strip)
 *   bp: | strip 0: k=0 [TN cols] | k=1 [TN cols] | ... | strip 1: ...      (B, k-major per strip)
 * </pre>
 *
 * <p>A dense layer's forward GEMM reads A in place instead ({@link #weightsInPlace}): its weights are a row-major
 * matrix at a constant offset in the parameter buffer, and packing them cost every forward pass a full extra read
 * and write of the largest tensor in the network. Each tile row has its own pointer and streams along its row; the
 * hardware prefetchers follow {@code TM} streams as readily as one. (Convolutions keep packed weights: their A is
 * small and reused across many column strips, and measured about 5% faster packed.)
 *
 * <p>Arguments: {@link Signatures#GEMM}'s {@code (ap, bp, m_rows, n_cols, k_depth, n_fastest)}, then the use's own. {@code n_fastest} says which
 * strips the first grid dimension walks (the runtime puts the smaller operand's there, so it stays in cache while
 * the larger one streams once). Each use writes its own epilogue, which sees the tile element {@code v} at row
 * {@code m}, column {@code n}; a use may add a vector epilogue for tiles whose {@code TN} columns are all in range
 * and meet its condition, writing row {@code m} from {@code acc[i][0..TNV-1]}, columns {@code nb..nb+TN-1}.
 */
final class Gemm {
  private Gemm() {}

  /**
   * A vector store for whole tile rows: a further condition on {@code nb} (the tile's first column; null for none)
   * and the code.
   */
  record VectorEpilogue(String condition, Consumer<ClSource> code) {}

  /**
   * How the kernel reads A: {@code rowAddress} is null for packed strips, else the C expression of the address of
   * row {@code m} relative to {@code ap}.
   */
  record OperandA(String rowAddress) {
    static final OperandA PACKED = new OperandA(null);
  }

  /** A as {@code rows} of {@code depth} values each, row-major at {@code offset} floats into {@code ap}. */
  static OperandA weightsInPlace(long offset, long depth) {
    return new OperandA(String.format("ap + %s + (size_t)m * %d", Names.longLiteral(offset), depth));
  }

  static void render(ClSource cl, Kernel kernel, String purpose, Consumer<ClSource> epilogue,
      VectorEpilogue vector) {
    render(cl, kernel, purpose, OperandA.PACKED, epilogue, vector);
  }

  /** Renders {@code kernel}, whose signature starts with {@link Signatures#GEMM}'s parameters. */
  static void render(ClSource cl, Kernel kernel, String purpose, OperandA operandA, Consumer<ClSource> epilogue,
      VectorEpilogue vector) {
    if (!kernel.signature().parameters().subList(0, Signatures.GEMM.parameters().size())
        .equals(Signatures.GEMM.parameters())) {
      throw new IllegalArgumentException(kernel.name() + " does not start with the GEMM's parameters");
    }
    cl.line("// %s", purpose);
    cl.open("%s", kernel.header());
    cl.line("const int sm = get_global_id(n_fastest ? 1 : 0);");
    cl.line("const int sn = get_global_id(n_fastest ? 0 : 1);");
    if (operandA.rowAddress() == null) {
      cl.line("const __global real* a = ap + (size_t)sm * k_depth * TM;");
    } else {
      cl.line("// A in place: a pointer per tile row; rows past the end repeat the last and their results are dropped");
      cl.line("const __global real* arow[TM];");
      cl.line("#pragma unroll");
      cl.open("for (int i = 0; i < TM; ++i) {");
      cl.line("const int m = min(sm * TM + i, m_rows - 1);");
      cl.line("arow[i] = %s;", operandA.rowAddress());
      cl.close();
    }
    cl.line("const __global real16* b = (const __global real16*)(bp + (size_t)sn * k_depth * TN);");
    cl.line("real16 acc[TM][TNV];");
    cl.line("#pragma unroll");
    cl.open("for (int i = 0; i < TM; ++i) {");
    cl.line("#pragma unroll");
    cl.line("for (int j = 0; j < TNV; ++j) acc[i][j] = (real16)(0);");
    cl.close();
    cl.open("for (int k = 0; k < k_depth; ++k) {");
    cl.line("real16 bv[TNV];");
    cl.line("#pragma unroll");
    cl.line("for (int j = 0; j < TNV; ++j) bv[j] = b[k * TNV + j];");
    cl.line("#pragma unroll");
    cl.open("for (int i = 0; i < TM; ++i) {");
    cl.line(operandA.rowAddress() == null ? "const real16 av = (real16)(a[k * TM + i]);"
        : "const real16 av = (real16)(arow[i][k]);");
    cl.line("#pragma unroll");
    cl.line("for (int j = 0; j < TNV; ++j) acc[i][j] = fma(av, bv[j], acc[i][j]);");
    cl.close();
    cl.close();
    cl.line("const int nb = sn * TN;");
    if (vector != null && vector.condition() == null) {
      cl.line("const int whole = nb + TN <= n_cols;");
    } else if (vector != null) {
      cl.line("const int whole = nb + TN <= n_cols && (%s);", vector.condition());
    }
    cl.line("#pragma unroll");
    cl.open("for (int i = 0; i < TM; ++i) {");
    cl.line("const int m = sm * TM + i;");
    cl.line("if (m >= m_rows) break;");
    if (vector != null) {
      cl.open("if (whole) {");
      vector.code().accept(cl);
      cl.line("continue;");
      cl.close();
    }
    cl.line("real row[TN];");
    cl.line("#pragma unroll");
    cl.line("for (int j = 0; j < TNV; ++j) vstore16(acc[i][j], j, row);");
    cl.open("for (int t = 0; t < TN; ++t) {");
    cl.line("const int n = nb + t;");
    cl.line("if (n >= n_cols) break;");
    cl.line("const real v = row[t];");
    epilogue.accept(cl);
    cl.close();
    cl.close();
    cl.close();
    cl.blank();
  }
}
