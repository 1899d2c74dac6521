package netforge.runtime.image;

import java.nio.file.Path;

/** An image file that could not be read; the message starts with the file, then says what is wrong with it. */
public final class UnreadableImageException extends Exception {
  private static final long serialVersionUID = 1L;

  // A Path is not serializable; a deserialized exception keeps its message, which names the file.
  private final transient Path file;
  private final String problem;

  UnreadableImageException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
    this.problem = problem;
  }

  UnreadableImageException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
    this.problem = problem;
  }

  /** The file that could not be read. */
  public Path file() {
    return file;
  }

  /** What is wrong with it, without the file's name, e.g. "is empty (0 bytes), not an image". */
  public String problem() {
    return problem;
  }
}
