package netforge.runtime.kernel;

import netforge.runtime.cl.ClKernel;

/**
 * The arguments the launcher's {@code packColumns} ({@code netforge.runtime.internal.Pass}) sets on a kernel that
 * packs a B operand into strips of TN columns.
 */
public interface ColumnPackArguments {
  ColumnPackArguments nCols(int value);

  ColumnPackArguments kDepth(int value);

  ClKernel kernel();
}
