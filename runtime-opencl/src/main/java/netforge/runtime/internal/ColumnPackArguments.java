package netforge.runtime.internal;

import netforge.runtime.cl.ClKernel;

/** The arguments {@link Pass#packColumns} sets on a kernel that packs a B operand into strips of TN columns. */
public interface ColumnPackArguments {
  ColumnPackArguments nCols(int value);

  ColumnPackArguments kDepth(int value);

  ClKernel kernel();
}
