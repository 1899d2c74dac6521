package netforge.runtime.cl;

import org.jocl.CL;
import org.jocl.CLException;

/** The device could not allocate a buffer: it is larger than one allocation may be, or memory ran out. */
public class ClAllocationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ClAllocationException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Whether a driver's error status means that memory ran out, on the device or on the host. */
  public static boolean isOutOfMemory(CLException e) {
    int status = e.getStatus();
    return status == CL.CL_MEM_OBJECT_ALLOCATION_FAILURE || status == CL.CL_OUT_OF_RESOURCES
        || status == CL.CL_OUT_OF_HOST_MEMORY;
  }
}
