package netforge.examples.cli;

import static netforge.examples.cli.EvaluateCommandTest.requireOpenCl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import netforge.runtime.train.RunLock;
import netforge.runtime.train.Trainer;
import netforge.runtime.testing.NeedsOpenCl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output of {@code train}, {@code compare} and {@code evaluate --output} as a user meets it: a finished run is
 * never overwritten or resumed with other settings (its files keep their hashes), one run at a time uses a
 * directory, {@code --resume} needs a checkpoint, an unwritable output fails at once, and a checkpoint is accepted as
 * {@code --weights}. LeNet-5 on the bundled Fashion-MNIST subset, 1 short epoch.
 */
@NeedsOpenCl // every test works on a run trained once on the device
class RunOutputCommandTest {
  @TempDir
  static Path directory;

  private static Path finished;
  private static Map<String, String> finishedHashes;

  @BeforeAll
  static void trainOneEpoch() throws IOException {
    requireOpenCl();
    finished = directory.resolve("finished");
    CliRun run = train(finished);
    assertEquals(ExitCodes.OK, run.exitCode(), run.transcript());
    finishedHashes = hashes(finished);
  }

  @Test
  void save_keepsOnlyTheWeightsAskedFor(@TempDir Path runs) throws IOException {
    Map<String, Set<String>> expected = Map.of(
        "all", Set.of("history.csv", "history.json", "checkpoint.safetensors", "best.safetensors",
            "model.safetensors"),
        "best", Set.of("history.csv", "history.json", "best.safetensors"),
        "last", Set.of("history.csv", "history.json", "model.safetensors"),
        "none", Set.of("history.csv", "history.json"));
    for (Map.Entry<String, Set<String>> save : expected.entrySet()) {
      Path output = runs.resolve(save.getKey());
      CliRun run = train(output, 1, 100, "--save", save.getKey());
      assertEquals(ExitCodes.OK, run.exitCode(), run.transcript());
      Set<String> files;
      try (Stream<Path> listed = Files.list(output)) {
        files = listed.map(f -> f.getFileName().toString()).filter(f -> !f.startsWith("."))
            .collect(Collectors.toSet());
      }
      assertEquals(save.getValue(), files, "--save " + save.getKey());
    }
  }

  @Test
  void train_intoAFinishedRun_isRefusedNamingIt_andKeepsEveryFile() throws IOException {
    CliRun run = train(finished);
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.transcript());
    for (String part : new String[] {finished + " already holds a finished run of LeNet5: 1 epoch, best test "
        + "accuracy ", "--resume", "--overwrite"}) {
      assertTrue(run.err().contains(part), part + " missing from: " + run.transcript());
    }
    assertEquals(finishedHashes, hashes(finished), "the finished run's files must keep their hashes");
  }

  @Test
  void resume_withAnotherTestLimit_isRefused_andKeepsEveryFile() throws IOException {
    CliRun run = train(finished, 2, 50, "--resume");
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("test images: checkpoint 100, now 50"), run.transcript());
    assertEquals(finishedHashes, hashes(finished));
  }

  @Test
  void resume_withNoCheckpoint_isRefused_unlessIfPresent() throws IOException {
    Path empty = directory.resolve("never-trained");
    CliRun refused = train(empty, "--resume");
    assertEquals(ExitCodes.USAGE, refused.exitCode(), refused.transcript());
    assertTrue(refused.err().contains("nothing to resume: " + empty + " has no checkpoint.safetensors"),
        refused.transcript());
    assertTrue(refused.err().contains("--resume-if-present"), refused.transcript());
    assertFalse(Files.exists(empty.resolve(Trainer.HISTORY_CSV)), "a refused run trains nothing");

    CliRun started = train(empty, "--resume-if-present");
    assertEquals(ExitCodes.OK, started.exitCode(), started.transcript());
  }

  @Test
  void resumeAndOverwrite_together_areRefused() throws IOException {
    CliRun run = train(finished, "--resume", "--overwrite");
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("--resume, --resume-if-present and --overwrite exclude each other"),
        run.transcript());
    assertEquals(finishedHashes, hashes(finished));
  }

  @Test
  void overwrite_replacesARun(@TempDir Path scratch) throws IOException {
    copy(finished, scratch);
    Files.writeString(scratch.resolve(Trainer.HISTORY_JSON), "[]");
    CliRun run = train(scratch, "--overwrite");
    assertEquals(ExitCodes.OK, run.exitCode(), run.transcript());
    assertTrue(Files.readString(scratch.resolve(Trainer.HISTORY_JSON)).contains("\"epoch\" : 1"));
  }

  @Test
  void secondRunIntoALockedDirectory_isRefusedNamingTheHolder(@TempDir Path busy) throws IOException {
    try (RunLock held = RunLock.acquire(busy)) {
      CliRun run = train(busy);
      assertEquals(ExitCodes.FAILED, run.exitCode(), run.transcript());
      assertTrue(run.err().contains(busy + " is in use by another run, process " + ProcessHandle.current().pid()
          + " (started "), run.transcript());
    }
  }

  @Test
  void outputThatIsAFile_failsAtOnceNamingIt() throws IOException {
    Path file = Files.writeString(directory.resolve("a-file"), "x");
    CliRun run = train(file);
    assertEquals(ExitCodes.FAILED, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("cannot write the output directory " + file + ": it is a file, not a directory"),
        run.transcript());
    EvaluateCommandTest.assertNoStackTrace(run);
  }

  @Test
  void compare_intoAComparison_isRefusedBeforeTheFirstEpoch(@TempDir Path comparison) throws IOException {
    Files.writeString(comparison.resolve("results.md"), "| earlier results |");
    String before = Files.readString(comparison.resolve("results.md"));
    CliRun run = CliRun.of("compare", "--network", "lenet5", "--optimizers", "adam", "--epochs", "1", "--limit",
        "128", "--test-limit", "64", "--offline", "--no-tune",
        "--output", comparison.toString());
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.transcript());
    assertTrue(run.err().contains(comparison + " already holds a comparison"), run.transcript());
    assertTrue(run.err().contains("--overwrite"), run.transcript());
    assertFalse(Files.exists(comparison.resolve("fashion-mnist")), "nothing was trained");
    assertEquals(before, Files.readString(comparison.resolve("results.md")));
  }

  @Test
  void evaluate_ofACheckpoint_usesItsWeights_andRefusesToReplaceAnOutputFile() throws IOException {
    Path csv = Files.writeString(directory.resolve("confusion.csv"), "earlier");
    List<String> args = new ArrayList<>(List.of("evaluate", "--network", "lenet5", "--weights",
        finished.resolve(Trainer.CHECKPOINT).toString(), "--offline",
        "--limit", "64", "--output", csv.toString()));
    CliRun refused = CliRun.of(args.toArray(String[]::new));
    assertEquals(ExitCodes.USAGE, refused.exitCode(), refused.transcript());
    assertTrue(refused.err().contains(csv + " already exists; --overwrite replaces it"), refused.transcript());
    assertEquals("earlier", Files.readString(csv));

    args.add("--overwrite");
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(ExitCodes.OK, run.exitCode(), run.transcript());
    assertTrue(run.out().contains("Accuracy: "), run.transcript());
    assertFalse(Files.readString(csv).equals("earlier"));
  }

  /** A run that diverged saved NaN weights: evaluate must refuse them naming the tensor, not print NaN%. */
  @Test
  void weightsHoldingNaN_areRefusedNamingTheTensor() throws IOException {
    Path weights = directory.resolve("nan.safetensors");
    float[] values = netforge.runtime.ParameterInit.pytorchDefault(ExampleNetwork.LENET5.spec(), 1);
    values[Math.toIntExact(ExampleNetwork.LENET5.spec().parameters().get(1).offset())] = Float.NaN;
    netforge.runtime.io.Safetensors.save(weights, ExampleNetwork.LENET5.spec(), values);
    String tensor = ExampleNetwork.LENET5.spec().parameters().get(1).name();
    for (String command : new String[] {"evaluate", "predict"}) {
      List<String> args = new ArrayList<>(List.of(command, "--network", "lenet5", "--weights", weights.toString()));
      if (command.equals("evaluate")) {
        args.addAll(List.of("--offline", "--limit", "64"));
      } else {
        args.add(directory.resolve("any.png").toString());
      }
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertEquals(ExitCodes.FAILED, run.exitCode(), run.transcript());
      assertTrue(run.err().contains(weights + ": " + tensor + " holds NaN in 1 of its"), run.transcript());
      assertFalse(run.out().contains("NaN%"), run.transcript());
    }
  }

  private static CliRun train(Path output, String... more) {
    return train(output, 1, 100, more);
  }

  private static CliRun train(Path output, int epochs, int testLimit, String... more) {
    List<String> args = new ArrayList<>(List.of("train", "--network", "lenet5", "--epochs", Integer.toString(epochs),
        "--limit", "256", "--test-limit", Integer.toString(testLimit), "--batch", "64", "--offline",
        "--no-tune", "--output", output.toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }

  private static Map<String, String> hashes(Path dir) throws IOException {
    Map<String, String> hashes = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (!file.getFileName().toString().equals(RunLock.FILE)) {
          hashes.put(file.getFileName().toString(), sha256(Files.readAllBytes(file)));
        }
      }
    }
    assertTrue(hashes.containsKey(Trainer.FINAL) && hashes.containsKey(Trainer.CHECKPOINT), hashes.toString());
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
