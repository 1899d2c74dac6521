package netforge.runtime.train;

/** Training stopped because the loss became NaN or infinite; the message says where and what was kept. */
public final class NonFiniteLossException extends RuntimeException {
  public NonFiniteLossException(String message) {
    super(message);
  }
}
