package netforge.runtime.kernel;

import netforge.runtime.cl.ClBuffer;
import netforge.runtime.cl.ClKernel;

/**
 * Argument setters of the kernels every generated program shares, for generated code and the GEMM
 * benchmark. Rendered from the processor's declarations ({@code netforge.processor.kernel.Signatures});
 * do not edit: change the declaration and run the processor's tests with {@code -Dgolden.update=true}.
 */
public final class SharedKernelArguments {
  private SharedKernelArguments() {
  }

  /**
   * Arguments of {@code (src, ap, m_rows, k_depth, offset, row_stride, grp, grp_stride, col_stride)}, by name.
   */
  public static final class PackRows extends KernelArguments implements RowPackArguments {
    /**
     * The kernel's name in every program.
     */
    public static final String KERNEL = "nf_pack_rows";

    public PackRows(ClKernel kernel) {
      super(kernel);
    }

    public PackRows src(ClBuffer value) {
      kernel.set(0, value);
      return this;
    }

    public PackRows ap(ClBuffer value) {
      kernel.set(1, value);
      return this;
    }

    @Override
    public PackRows mRows(int value) {
      kernel.set(2, value);
      return this;
    }

    @Override
    public PackRows kDepth(int value) {
      kernel.set(3, value);
      return this;
    }

    public PackRows offset(long value) {
      kernel.set(4, value);
      return this;
    }

    public PackRows rowStride(long value) {
      kernel.set(5, value);
      return this;
    }

    public PackRows grp(int value) {
      kernel.set(6, value);
      return this;
    }

    public PackRows grpStride(long value) {
      kernel.set(7, value);
      return this;
    }

    public PackRows colStride(long value) {
      kernel.set(8, value);
      return this;
    }
  }

  /**
   * Arguments of {@code (src, bp, n_cols, k_depth, offset, row_stride, grp, grp_stride, col_stride)}, by name.
   */
  public static final class PackColumns extends KernelArguments implements ColumnPackArguments {
    /**
     * The kernel's name in every program.
     */
    public static final String KERNEL = "nf_pack_columns";

    public PackColumns(ClKernel kernel) {
      super(kernel);
    }

    public PackColumns src(ClBuffer value) {
      kernel.set(0, value);
      return this;
    }

    public PackColumns bp(ClBuffer value) {
      kernel.set(1, value);
      return this;
    }

    @Override
    public PackColumns nCols(int value) {
      kernel.set(2, value);
      return this;
    }

    @Override
    public PackColumns kDepth(int value) {
      kernel.set(3, value);
      return this;
    }

    public PackColumns offset(long value) {
      kernel.set(4, value);
      return this;
    }

    public PackColumns rowStride(long value) {
      kernel.set(5, value);
      return this;
    }

    public PackColumns grp(int value) {
      kernel.set(6, value);
      return this;
    }

    public PackColumns grpStride(long value) {
      kernel.set(7, value);
      return this;
    }

    public PackColumns colStride(long value) {
      kernel.set(8, value);
      return this;
    }
  }

  /**
   * Arguments of {@code (ap, bp, m_rows, n_cols, k_depth, n_fastest, c, offset, ldc, accumulate)}, by name.
   */
  public static final class GemmStore extends KernelArguments implements GemmArguments {
    /**
     * The kernel's name in every program.
     */
    public static final String KERNEL = "nf_gemm_store";

    public GemmStore(ClKernel kernel) {
      super(kernel);
    }

    public GemmStore ap(ClBuffer value) {
      kernel.set(0, value);
      return this;
    }

    public GemmStore bp(ClBuffer value) {
      kernel.set(1, value);
      return this;
    }

    @Override
    public GemmStore mRows(int value) {
      kernel.set(2, value);
      return this;
    }

    @Override
    public GemmStore nCols(int value) {
      kernel.set(3, value);
      return this;
    }

    @Override
    public GemmStore kDepth(int value) {
      kernel.set(4, value);
      return this;
    }

    @Override
    public GemmStore nFastest(int value) {
      kernel.set(5, value);
      return this;
    }

    public GemmStore c(ClBuffer value) {
      kernel.set(6, value);
      return this;
    }

    public GemmStore offset(long value) {
      kernel.set(7, value);
      return this;
    }

    public GemmStore ldc(long value) {
      kernel.set(8, value);
      return this;
    }

    public GemmStore accumulate(int value) {
      kernel.set(9, value);
      return this;
    }
  }
}
