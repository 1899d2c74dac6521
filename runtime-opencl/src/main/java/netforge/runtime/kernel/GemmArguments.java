package netforge.runtime.kernel;

import netforge.runtime.cl.ClKernel;

/**
 * The arguments the launcher's {@code gemm} ({@code netforge.runtime.internal.Pass}) sets on every GEMM kernel: the
 * problem size and the grid order. A generated GEMM signature implements this, so a renamed or missing size
 * parameter fails to compile instead of landing in another argument's slot.
 */
public interface GemmArguments {
  GemmArguments mRows(int value);

  GemmArguments nCols(int value);

  GemmArguments kDepth(int value);

  /** 1 when the first grid dimension walks the column strips, 0 when it walks the row strips. */
  GemmArguments nFastest(int value);

  ClKernel kernel();
}
