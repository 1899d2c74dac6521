package netforge.runtime.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * An output path that cannot be written, in one sentence naming the path and the cause: permission denied, a
 * read-only file system, a full disk, a file where a directory is needed. Raised before work starts, by probing, so
 * that a run does not train for an hour and then fail on a temporary file's name.
 */
public final class UnwritableOutputException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  private UnwritableOutputException(String message, String reason, IOException cause) {
    super(message, cause);
    this.reason = reason;
  }

  /**
   * The failure {@code cause} of writing {@code path}, which is {@code what} (such as "the output directory"),
   * rephrased; the exception Java gives names the file it failed on, often a temporary one, and the errno text.
   */
  public static UnwritableOutputException of(Path path, String what, IOException cause) {
    String reason = reason(path, cause);
    return new UnwritableOutputException("cannot write " + what + " " + path + ": " + reason, reason, cause);
  }

  /** The cause alone, such as "permission denied" or "read-only file system". */
  public String reason() {
    return reason;
  }

  private static String reason(Path path, IOException e) {
    Path file = firstFileAmong(path);
    if (file != null) {
      return (file.equals(path) ? "it" : file) + " is a file, not a directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
      return "a path component is not a directory";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      // "Read-only file system", "No space left on device", "Disk quota exceeded": the errno text says it best.
      return lowerFirst(fs.getReason());
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** {@code path} or the nearest of its ancestors that is a regular file, or null. */
  private static Path firstFileAmong(Path path) {
    for (Path p = path.toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p)) {
        return p.equals(path.toAbsolutePath()) ? path : p;
      }
    }
    return null;
  }

  private static String lowerFirst(String text) {
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }
}
