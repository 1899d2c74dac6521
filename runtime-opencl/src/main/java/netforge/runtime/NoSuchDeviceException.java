package netforge.runtime;

/**
 * OpenCL works, but no device matches the choice given to {@link Device#open(String)} ({@code gpu} on a machine
 * with only a CPU driver, an index past the last device, a name no device has). The message lists the devices
 * there are. An {@link IllegalArgumentException}, as the choice is the caller's argument; unlike a bad option it
 * means "no such device here", which the command line reports as it reports a missing driver.
 */
public final class NoSuchDeviceException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public NoSuchDeviceException(String message) {
    super(message);
  }
}
