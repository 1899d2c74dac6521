package netforge.runtime.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A safetensors file that is malformed, or that does not hold what the caller needs. The message always starts
 * with the file (as the caller named it) and then says exactly what is wrong, so it can be shown to a user as is.
 */
public final class SafetensorsException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public SafetensorsException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  public SafetensorsException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  /** The file the problem is in. */
  public Path file() {
    return file;
  }
}
