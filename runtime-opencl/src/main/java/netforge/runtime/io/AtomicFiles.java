package netforge.runtime.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers, and the file after a crash, see either the old content whole or the new content
 * whole, never a mix: the content goes to a temporary file in the same directory, which is flushed to the disk
 * and then renamed over the target in one step. A checkpoint interrupted halfway must not destroy the last good
 * one.
 *
 * <p>The rename replaces whatever the target path names: a symbolic link there becomes a regular file (the file it
 * pointed to is left alone), and the new file gets the default permissions, not the old file's.
 */
public final class AtomicFiles {
  /** What to write; it may throw, and then the target stays as it was. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private static final int BUFFER_BYTES = 1 << 16;

  /**
   * The stream content writers get: closing it only flushes, because writers such as Jackson's close what they
   * write to, and the file must stay open to be synced before the rename.
   */
  private static final class KeepOpen extends java.io.FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
  private static final int NAME_ATTEMPTS = 16;

  private AtomicFiles() {}

  /**
   * Replaces (or creates) {@code target} with what {@code content} writes. On any failure, the exception of the
   * content included, {@code target} is untouched and the temporary file is removed.
   */
  public static void write(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    Path temporary = createTemporaryBeside(absolute);
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES);
        content.writeTo(new KeepOpen(out));
        out.flush();
        // The rename must not reach the disk before the data it points at.
        channel.force(true);
      }
      Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException | Error e) {
      deleteQuietly(temporary, e);
      throw e;
    }
    forceDirectory(directory);
  }

  /**
   * Moves {@code source}, already complete on disk (a checked download, an unpacked file), over {@code target}: in
   * one step where the file system can, so readers see the old file or the new one whole, else by a plain replace,
   * so that a file system without atomic renames still gets its data.
   */
  public static void moveIntoPlace(Path source, Path target) throws IOException {
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Deletes the temporary files a killed writer of {@code target} left beside it (a checkpoint's is as large as the
   * checkpoint). Only for a target no other process is writing at the same time: its temporary file would go too.
   */
  public static void removeLeftovers(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    String prefix = "." + absolute.getFileName() + ".";
    try (var siblings = Files.newDirectoryStream(absolute.getParent(),
        p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".tmp"))) {
      for (Path leftover : siblings) {
        Files.deleteIfExists(leftover);
      }
    }
  }

  /**
   * A new empty file next to {@code target}, named after it so a leftover is recognisable. Not
   * {@link Files#createTempFile}: that makes the file readable by its owner only, and the rename would carry those
   * permissions to the target; a file opened with CREATE_NEW gets the usual ones.
   */
  private static Path createTemporaryBeside(Path target) throws IOException {
    FileAlreadyExistsException last = null;
    for (int attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
      String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong());
      Path candidate = target.resolveSibling("." + target.getFileName() + "." + suffix + ".tmp");
      try {
        Files.newByteChannel(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        return candidate;
      } catch (FileAlreadyExistsException e) {
        last = e;
      }
    }
    throw new IOException(target + ": could not create a temporary file beside it", last);
  }

  /**
   * Makes the rename itself durable. POSIX systems allow opening a directory to sync it; others (Windows) refuse,
   * and there the rename is as durable as the file system makes it, so a refusal is not an error.
   */
  private static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not possible on this platform; see above.
    }
  }

  private static void deleteQuietly(Path temporary, Throwable failure) {
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
