package netforge.runtime;

import netforge.runtime.cl.ClAllocationException;

/**
 * A network's buffers do not fit on the device: the message says how much the batch needs, what the device has and
 * the largest batch that fits. A plain {@link ClAllocationException} is the same failure without that arithmetic.
 */
public final class DeviceMemoryException extends ClAllocationException {
  private static final long serialVersionUID = 1L;

  public DeviceMemoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
