package netforge.examples.cli;

import java.nio.file.Path;

/** An image file that could not be read; the message starts with the file, then says what is wrong with it. */
public final class UnreadableImageException extends Exception {
  private static final long serialVersionUID = 1L;

  UnreadableImageException(Path file, String problem) {
    super(file + ": " + problem);
  }

  UnreadableImageException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}
