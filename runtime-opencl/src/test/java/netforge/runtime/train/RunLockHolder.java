package netforge.runtime.train;

import java.nio.file.Path;

/**
 * The other process of {@link RunLockTest}: takes the lock of the directory given, says so on standard output, and
 * holds it until its standard input closes (or it is killed). {@code java ... RunLockHolder DIR}
 */
public final class RunLockHolder {
  private RunLockHolder() {}

  public static void main(String[] args) throws Exception {
    try (RunLock lock = RunLock.acquire(Path.of(args[0]))) {
      System.out.println("locked");
      System.out.flush();
      while (System.in.read() >= 0) {
        // holds the lock until the test closes the pipe
      }
    }
  }
}
