package netforge.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import netforge.runtime.io.SafetensorsFile;
import netforge.runtime.io.UnwritableOutputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output directory's rules, without a device: a run there is refused unless resumed or overwritten, naming its
 * network, epochs and best accuracy, and keeping every file's hash; resuming needs a checkpoint; a directory that
 * cannot be written fails at once with the path and the cause.
 */
class RunDirectoryTest {
  @TempDir
  Path run;

  @Test
  void finishedRun_isRefused_namingNetworkEpochsAndBestAccuracy_andKeepsItsFiles() throws IOException {
    writeFinishedRun(run);
    Map<String, String> before = hashes(run);
    ExistingRunException e = assertThrows(ExistingRunException.class,
        () -> RunDirectory.open(run, ExistingRun.REFUSE));
    String message = e.getMessage();
    for (String part : new String[] {run.toString(), "a finished run of LeNet5", "2 epochs",
        "best test accuracy 72.60% at epoch 1", "--resume", "--overwrite"}) {
      assertTrue(message.contains(part), part + " missing from: " + message);
    }
    assertEquals(before, hashes(run), "a refused run must not change the run that is there");
  }

  @Test
  void historyOnly_isARunToo() throws IOException {
    new History(List.of(epoch(1, 0.5))).writeJson(run.resolve(Trainer.HISTORY_JSON));
    ExistingRunException e = assertThrows(ExistingRunException.class,
        () -> RunDirectory.open(run, ExistingRun.REFUSE));
    assertTrue(e.getMessage().contains("a run that kept no weights: 1 epoch, best test accuracy 50.00%"), e.getMessage());
  }

  @Test
  void emptyOrMissingDirectory_isAccepted(@TempDir Path parent) throws IOException {
    try (RunDirectory opened = RunDirectory.open(parent.resolve("new/run"), ExistingRun.REFUSE)) {
      assertTrue(Files.isDirectory(opened.directory()));
    }
  }

  @Test
  void resume_withoutACheckpoint_isRefusedNamingResumeIfPresent() throws IOException {
    ExistingRunException e = assertThrows(ExistingRunException.class,
        () -> RunDirectory.open(run, ExistingRun.RESUME));
    assertTrue(e.getMessage().contains("nothing to resume: " + run + " has no " + Trainer.CHECKPOINT),
        e.getMessage());
    assertTrue(e.getMessage().contains("--resume-if-present"), e.getMessage());
    RunDirectory.open(run, ExistingRun.RESUME_IF_PRESENT).close();
  }

  @Test
  void resume_ofAFinishedRun_isAllowed_andTouchesNothing() throws IOException {
    writeFinishedRun(run);
    Map<String, String> before = hashes(run);
    RunDirectory.open(run, ExistingRun.RESUME).close();
    assertEquals(before, hashes(run));
  }

  @Test
  void overwrite_deletesTheRunsFiles_andNothingElse() throws IOException {
    writeFinishedRun(run);
    Files.writeString(run.resolve("notes.txt"), "mine");
    RunDirectory.open(run, ExistingRun.OVERWRITE).close();
    for (String file : RunDirectory.RUN_FILES) {
      assertFalse(Files.exists(run.resolve(file)), file);
    }
    assertEquals("mine", Files.readString(run.resolve("notes.txt")));
  }

  @Test
  void outputThatIsAFile_failsNamingIt(@TempDir Path parent) throws IOException {
    Path file = Files.writeString(parent.resolve("runs"), "a file");
    UnwritableOutputException e = assertThrows(UnwritableOutputException.class,
        () -> RunDirectory.open(file, ExistingRun.REFUSE));
    assertEquals("cannot write the output directory " + file + ": it is a file, not a directory", e.getMessage());
    UnwritableOutputException below = assertThrows(UnwritableOutputException.class,
        () -> RunDirectory.open(file.resolve("train"), ExistingRun.REFUSE));
    assertEquals("cannot write the output directory " + file.resolve("train") + ": " + file
        + " is a file, not a directory", below.getMessage());
  }

  /** A full or read-only disk: the errno text Java carries, with the directory rather than a temporary file's name. */
  @Test
  void fileSystemErrors_becomeOneSentenceWithThePath() {
    Path dir = Path.of("runs/train");
    assertEquals("cannot write the output directory runs/train: no space left on device",
        UnwritableOutputException.of(dir, "the output directory", new java.nio.file.FileSystemException(
            "runs/train/.checkpoint.safetensors.1a2b.tmp", null, "No space left on device")).getMessage());
    assertEquals("cannot write the output directory runs/train: read-only file system",
        UnwritableOutputException.of(dir, "the output directory", new java.nio.file.FileSystemException(
            "runs/train/.netforge.lock", null, "Read-only file system")).getMessage());
    assertEquals("cannot write the output directory runs/train: permission denied",
        UnwritableOutputException.of(dir, "the output directory",
            new java.nio.file.AccessDeniedException("runs/train/.netforge.lock")).getMessage());
  }

  @Test
  void secondOpen_isRefusedWhileTheFirstHoldsIt() throws IOException {
    try (RunDirectory first = RunDirectory.open(run, ExistingRun.REFUSE)) {
      assertThrows(RunLockedException.class, () -> RunDirectory.open(run, ExistingRun.RESUME_IF_PRESENT));
    }
  }

  /** Files as a LeNet-5 run of 2 epochs leaves them, with the best test accuracy in epoch 1. */
  private static void writeFinishedRun(Path directory) throws IOException {
    History history = new History(List.of(epoch(1, 0.726), epoch(2, 0.7)));
    history.writeJson(directory.resolve(Trainer.HISTORY_JSON));
    history.writeCsv(directory.resolve(Trainer.HISTORY_CSV));
    for (String weights : List.of(Trainer.CHECKPOINT, Trainer.BEST, Trainer.FINAL)) {
      SafetensorsFile.writer().metadata("network", "LeNet5").floats("w", new float[] {1, 2}, 2)
          .write(directory.resolve(weights));
    }
  }

  private static EpochRecord epoch(int epoch, double testAccuracy) {
    return new EpochRecord(epoch, 1.0, 0.5, 1.1, testAccuracy, 0.001, 2.0, 100);
  }

  private static Map<String, String> hashes(Path directory) throws IOException {
    Map<String, String> hashes = new TreeMap<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (!file.getFileName().toString().equals(RunLock.FILE)) {
          hashes.put(file.getFileName().toString(), sha256(Files.readAllBytes(file)));
        }
      }
    }
    return hashes;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
