package netforge.runtime.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A file a reader reads: its name for messages, its real size (readers check what a header claims against it
 * before they allocate), and how to open it. A file on disk or bytes from the class path.
 */
record DataFile(String name, long size, Opener opener) {
  /** Opens a fresh stream over the file's bytes. */
  @FunctionalInterface
  interface Opener {
    InputStream open() throws IOException;
  }

  static DataFile of(Path path) throws DatasetException {
    try {
      if (!Files.isRegularFile(path)) {
        throw new DatasetException(path + ": " + (Files.exists(path) ? "is not a regular file" : "does not exist"));
      }
      return new DataFile(path.toString(), Files.size(path), () -> Files.newInputStream(path));
    } catch (NoSuchFileException e) {
      throw new DatasetException(path + ": does not exist", e);
    } catch (IOException e) {
      throw new DatasetException(path + ": cannot read its size (" + e.getMessage() + ")", e);
    }
  }

  static DataFile of(String name, byte[] bytes) {
    return new DataFile(name, bytes.length, () -> new ByteArrayInputStream(bytes));
  }

  InputStream open() throws DatasetException {
    try {
      return opener.open();
    } catch (IOException e) {
      throw new DatasetException(name + ": cannot open it (" + e.getMessage() + ")", e);
    }
  }
}
