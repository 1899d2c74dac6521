package netforge.runtime.train;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import netforge.runtime.io.UnwritableOutputException;

/**
 * The one run allowed in an output directory at a time: an exclusive {@link FileChannel#tryLock} on the file
 * {@value #FILE} in it, held until {@link #close}. The file names its holder (process id and start time) so the run
 * that is refused can say whose run is there. The operating system releases the lock when its process dies, so a
 * file left by a killed run holds no lock and is simply taken over; the file is never deleted, because a process
 * could lock a deleted file while another creates and locks a new one under the same name.
 */
public final class RunLock implements AutoCloseable {
  /** Hidden, so that listing a run's directory shows its results. */
  public static final String FILE = ".netforge.lock";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z")
      .withZone(ZoneId.systemDefault());

  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of {@code directory}, which must exist.
   *
   * @throws RunLockedException naming the holder when another run, in this process or another, has it
   * @throws IOException when the lock file cannot be created or written (see {@link UnwritableOutputException})
   */
  public static RunLock acquire(Path directory) throws IOException {
    Path file = directory.resolve(FILE);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    try {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException heldInThisProcess) {
        // Java tracks its own locks per process and refuses a second one instead of returning null.
        lock = null;
      }
      if (lock == null) {
        throw new RunLockedException(directory, holder(channel));
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(describeThisProcess().getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
      return new RunLock(channel, lock);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Creates {@code directory} when missing and takes its lock. Creating and writing the lock file is also a probe:
   * a directory that cannot be written (permission, read-only or full disk, a file in the way) fails here, before
   * any work, with the path and the cause.
   *
   * @throws UnwritableOutputException when {@code directory} cannot be created or written
   * @throws RunLockedException naming the holder when another run has it
   */
  public static RunLock createAndAcquire(Path directory) throws IOException {
    try {
      Files.createDirectories(directory);
      return acquire(directory);
    } catch (RunLockedException e) {
      throw e;
    } catch (IOException e) {
      throw UnwritableOutputException.of(directory, "the output directory", e);
    }
  }

  /** Empties the file (so it names no holder once released) and releases the lock. */
  @Override
  public void close() throws IOException {
    try (FileChannel c = channel) {
      if (lock.isValid()) {
        c.truncate(0);
        lock.release();
      }
    }
  }

  /** What the holder wrote, for the refusal; a holder killed between locking and writing has written nothing. */
  private static String holder(FileChannel channel) throws IOException {
    long size = Math.min(channel.size(), 1024);
    ByteBuffer text = ByteBuffer.allocate((int) size);
    while (text.hasRemaining() && channel.read(text, text.position()) > 0) {
      // reads until the buffer is full or the file ends
    }
    String content = new String(text.array(), 0, text.position(), StandardCharsets.UTF_8).strip();
    return content.isEmpty() ? "a process that has not yet written its id" : content;
  }

  private static String describeThisProcess() {
    long pid = ProcessHandle.current().pid();
    Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    return "process " + pid + " (started " + TIME.format(started) + "), locked " + TIME.format(Instant.now()) + "\n";
  }
}
