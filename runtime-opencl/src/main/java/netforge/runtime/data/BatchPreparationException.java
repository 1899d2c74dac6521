package netforge.runtime.data;

/** Preparing a batch failed on the loader's thread; the cause is what went wrong there. */
public final class BatchPreparationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BatchPreparationException(String message, Throwable cause) {
    super(message, cause);
  }
}
