package netforge.runtime;

/** The device could not hold what was asked of it; the message says how much was needed and what fits. */
public final class DeviceMemoryException extends RuntimeException {
  public DeviceMemoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
