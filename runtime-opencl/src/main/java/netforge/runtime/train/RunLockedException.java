package netforge.runtime.train;

import java.io.IOException;
import java.nio.file.Path;

/** Another run holds an output directory's {@link RunLock}: two runs writing one directory would lose one's files. */
public final class RunLockedException extends IOException {
  private static final long serialVersionUID = 1L;

  public RunLockedException(Path directory, String holder) {
    super(directory + " is in use by another run, " + holder + "; wait for it to end, or choose another output "
        + "directory");
  }
}
