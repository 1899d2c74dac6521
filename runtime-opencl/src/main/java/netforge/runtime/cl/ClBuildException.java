package netforge.runtime.cl;

/** An OpenCL program failed to build: the message holds the build log and the source lines it points at. */
public final class ClBuildException extends RuntimeException {
  private final String log;

  public ClBuildException(String message, String log, Throwable cause) {
    super(message, cause);
    this.log = log;
  }

  /** The driver's build log, as it gave it. */
  public String log() {
    return log;
  }
}
