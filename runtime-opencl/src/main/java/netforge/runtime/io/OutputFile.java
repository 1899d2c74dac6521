package netforge.runtime.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A result file about to be written, checked before the work that produces it: it is not a directory, it does not
 * replace an existing file unless asked to, and its directory can be written (a file is created there and removed).
 */
public final class OutputFile {
  private OutputFile() {}

  /**
   * Creates {@code file}'s missing parent directories and probes them for writing.
   *
   * @param replace whether an existing {@code file} may be replaced
   * @param replaceOption how the user says "replace" (such as {@code --overwrite}), for the refusal
   * @throws IllegalArgumentException when {@code file} is a directory, or exists and {@code replace} is false
   * @throws UnwritableOutputException naming the directory and the cause, when it cannot be written
   */
  public static void check(Path file, boolean replace, String replaceOption) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(file + " is a directory; name a file to write");
    }
    if (Files.exists(file) && !replace) {
      throw new IllegalArgumentException(file + " already exists; " + replaceOption + " replaces it, or name "
          + "another file");
    }
    Path directory = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(directory);
      Files.delete(Files.createTempFile(directory, "." + file.getFileName(), ".probe"));
    } catch (IOException e) {
      throw UnwritableOutputException.of(directory, "the directory of " + file + ",", e);
    }
  }
}
