package netforge.runtime.kernel;

import netforge.runtime.cl.ClKernel;

/**
 * The arguments the launcher's {@code packRows} ({@code netforge.runtime.internal.Pass}) sets on a kernel that packs
 * an A operand into strips of TM rows.
 */
public interface RowPackArguments {
  RowPackArguments mRows(int value);

  RowPackArguments kDepth(int value);

  ClKernel kernel();
}
