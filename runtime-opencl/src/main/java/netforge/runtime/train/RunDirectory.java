package netforge.runtime.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import netforge.runtime.io.AtomicFiles;
import netforge.runtime.io.SafetensorsFile;

/**
 * A training run's output directory, held for the length of the run: created and probed for writing before any
 * work, locked against a second run ({@link RunLock}), and checked against a run already there as
 * {@link ExistingRun} says. Closing releases the lock.
 */
public final class RunDirectory implements AutoCloseable {
  /** The files a run writes; any of them means a run is there. */
  public static final List<String> RUN_FILES = List.of(Trainer.CHECKPOINT, Trainer.BEST, Trainer.FINAL,
      Trainer.HISTORY_CSV, Trainer.HISTORY_JSON, Trainer.STEPS_CSV);

  private final Path directory;
  private final ExistingRun policy;
  private final RunLock lock;

  private RunDirectory(Path directory, ExistingRun policy, RunLock lock) {
    this.directory = directory;
    this.policy = policy;
    this.lock = lock;
  }

  /**
   * Creates (when missing) and locks {@code directory}, then applies {@code policy} to a run already in it: refuses
   * it, requires its checkpoint, or deletes its files. Temporary files of a killed run's writes are removed.
   *
   * @throws UnwritableOutputException naming the directory and the cause, when it cannot be created or written
   * @throws RunLockedException naming the holder, when another run has it
   * @throws ExistingRunException naming the run there, when {@code policy} does not allow it
   */
  public static RunDirectory open(Path directory, ExistingRun policy) throws IOException {
    RunLock lock = RunLock.createAndAcquire(directory);
    try {
      check(directory, policy);
      for (String file : RUN_FILES) {
        if (policy == ExistingRun.OVERWRITE) {
          Files.deleteIfExists(directory.resolve(file));
        }
        // a run killed while writing left temporary files of up to a checkpoint's size; this run owns the directory
        AtomicFiles.removeLeftovers(directory.resolve(file));
      }
      return new RunDirectory(directory, policy, lock);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /**
   * The run in {@code directory} in words ("a finished run of LeNet5: 2 epochs, best test accuracy 72.60% at epoch
   * 2"), or empty when none of {@link #RUN_FILES} is there.
   */
  public static Optional<String> describeRun(Path directory) {
    List<String> present = RUN_FILES.stream().filter(f -> Files.exists(directory.resolve(f))).toList();
    if (present.isEmpty()) {
      return Optional.empty();
    }
    // Final weights mark a run that ended; a checkpoint without them, one that stopped; a history alone, a run that
    // kept no weights (compare's default), which may well have ended: its history does not say how many epochs
    // it was meant to have.
    String state = Files.exists(directory.resolve(Trainer.FINAL)) ? "a finished run"
        : Files.exists(directory.resolve(Trainer.CHECKPOINT)) ? "an unfinished run" : "a run that kept no weights";
    String network = networkOf(directory).map(n -> " of " + n).orElse("");
    return Optional.of(state + network + ": " + progressOf(directory) + " (" + String.join(", ", present) + ")");
  }

  public Path directory() {
    return directory;
  }

  /** What was chosen for a run already there; a resuming run reads the checkpoint. */
  public ExistingRun policy() {
    return policy;
  }

  @Override
  public void close() throws IOException {
    lock.close();
  }

  private static void check(Path directory, ExistingRun policy) {
    Optional<String> existing = describeRun(directory);
    boolean hasCheckpoint = Files.exists(directory.resolve(Trainer.CHECKPOINT));
    if (policy == ExistingRun.REFUSE && existing.isPresent()) {
      throw new ExistingRunException(directory, directory + " already holds " + existing.get() + ".\n  To continue "
          + "it, resume (--resume); to replace it, overwrite (--overwrite); or choose another output directory.");
    }
    if (policy == ExistingRun.RESUME && !hasCheckpoint) {
      throw new ExistingRunException(directory, "nothing to resume: " + directory + " has no " + Trainer.CHECKPOINT
          + existing.map(run -> " (it holds " + run + "; a run that saved no weights cannot be resumed)")
              .orElse(" (it holds no run)")
          + ".\n  Start a new run without --resume, or use --resume-if-present to start one when there is nothing "
          + "to resume.");
    }
  }

  /** The network the weights files say they hold, read from a header only. */
  private static Optional<String> networkOf(Path directory) {
    for (String file : List.of(Trainer.CHECKPOINT, Trainer.FINAL, Trainer.BEST)) {
      Path path = directory.resolve(file);
      if (Files.isRegularFile(path)) {
        try {
          Map<String, String> metadata = SafetensorsFile.readMetadata(path);
          if (metadata.get("network") != null) {
            return Optional.of(metadata.get("network"));
          }
        } catch (IOException unreadable) {
          // another file may say it; the description goes without the name otherwise
        }
      }
    }
    return Optional.empty();
  }

  private static String progressOf(Path directory) {
    Path json = directory.resolve(Trainer.HISTORY_JSON);
    if (!Files.isRegularFile(json)) {
      return "no history";
    }
    try {
      History history = History.readJson(json);
      if (history.isEmpty()) {
        return "no epoch finished";
      }
      EpochRecord best = history.best();
      int epochs = history.last().epoch();
      return String.format(Locale.ROOT, "%d epoch%s, best test accuracy %.2f%% at epoch %d", epochs,
          epochs == 1 ? "" : "s", 100 * best.testAccuracy(), best.epoch());
    } catch (IOException e) {
      return Trainer.HISTORY_JSON + " unreadable (" + e.getMessage() + ")";
    }
  }
}
