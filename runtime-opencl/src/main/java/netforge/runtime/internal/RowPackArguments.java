package netforge.runtime.internal;

import netforge.runtime.cl.ClKernel;

/** The arguments {@link Pass#packRows} sets on a kernel that packs an A operand into strips of TM rows. */
public interface RowPackArguments {
  RowPackArguments mRows(int value);

  RowPackArguments kDepth(int value);

  ClKernel kernel();
}
