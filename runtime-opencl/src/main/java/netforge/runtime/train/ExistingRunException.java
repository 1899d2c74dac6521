package netforge.runtime.train;

import java.nio.file.Path;

/**
 * The output directory holds a run that the chosen {@link ExistingRun} does not allow to touch, or lacks the
 * checkpoint it needs. An argument error: another output directory or another choice is the fix.
 */
public final class ExistingRunException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient Path directory;

  public ExistingRunException(Path directory, String message) {
    super(message);
    this.directory = directory;
  }

  /** The output directory in question. */
  public Path directory() {
    return directory;
  }
}
