package netforge.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netforge.runtime.train.ExistingRun;
import netforge.runtime.train.ExistingRunException;
import netforge.runtime.train.RunDirectory;
import netforge.runtime.train.RunLock;

/**
 * The output directory of {@code compare}, checked as a whole before the first epoch: writable, not in use by
 * another comparison, and, without {@code --overwrite}, holding neither results nor any of the runs about to be
 * written. Each run's own directory is then opened by its trainer.
 */
public final class ComparisonDirectory {
  /** What {@code compare} writes at the top level. */
  static final List<String> RESULT_FILES = List.of("results.md", "results.csv", "curves.csv");

  private ComparisonDirectory() {}

  /**
   * Creates and locks {@code output}; refuses it, unless {@code overwrite}, when it holds results or any of
   * {@code runs}. The lock is the caller's to close.
   */
  public static RunLock open(Path output, boolean overwrite, List<Path> runs) throws IOException {
    RunLock lock = RunLock.createAndAcquire(output);
    try {
      if (!overwrite) {
        refuseExisting(output, runs);
      }
      return lock;
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  private static void refuseExisting(Path output, List<Path> runs) {
    List<String> found = new ArrayList<>();
    for (String file : RESULT_FILES) {
      if (Files.exists(output.resolve(file))) {
        found.add(file);
      }
    }
    for (Path run : runs) {
      Optional<String> existing = RunDirectory.describeRun(run);
      existing.ifPresent(description -> found.add(output.relativize(run) + ": " + description));
    }
    if (!found.isEmpty()) {
      throw new ExistingRunException(output, output + " already holds a comparison:\n    "
          + String.join("\n    ", found) + "\n  Replace it with --overwrite, or choose another --output.");
    }
  }

  /** The choice each run's trainer gets once the whole directory passed. */
  public static ExistingRun policy(boolean overwrite) {
    return overwrite ? ExistingRun.OVERWRITE : ExistingRun.REFUSE;
  }
}
