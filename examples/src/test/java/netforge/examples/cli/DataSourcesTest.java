package netforge.examples.cli;

import static netforge.examples.cli.EvaluateCommandTest.assertNoStackTrace;
import static netforge.examples.cli.EvaluateCommandTest.requireOpenCl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netforge.runtime.Device;
import netforge.runtime.DeviceType;
import netforge.runtime.data.FashionMnist;
import netforge.runtime.data.Split;
import netforge.runtime.train.RunLock;
import netforge.runtime.testing.NeedsOpenCl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data come from where the user said, have the network's shape, and options fail in their own terms: {@code train},
 * {@code compare} and {@code evaluate} with {@code --data} directories each test writes. Before, a {@code --data}
 * that did not serve fell back to Debian's files or the bundled subset, and images of another size were read as
 * wrong inputs; every failing case here ran to exit code 0 or failed late.
 */
class DataSourcesTest {
  @TempDir
  Path directory;

  /** A quick training run's options; {@code --no-tune} keeps a first run on a fresh machine short. */
  private CliRun train(Path data, String... more) {
    String[] base = {"train", "--network", "lenet5", "--data", data.toString(), "--epochs", "1", "--batch", "10",
        "--limit", "20", "--test-limit", "10", "--no-tune", "--output", directory.resolve("run").toString()};
    String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return CliRun.of(args);
  }

  private void assertNothingTrained(CliRun run) throws IOException {
    // The output directory is opened (created, locked) before the data is read; no file of a run may be in it.
    Path output = directory.resolve("run");
    if (Files.exists(output)) {
      try (var files = Files.list(output)) {
        assertEquals(List.of(), files.map(f -> f.getFileName().toString()).filter(n -> !n.equals(RunLock.FILE))
            .toList(), "no output was written: " + run.transcript());
      }
    }
    assertFalse(run.out().contains("done"), run.transcript());
    assertNoStackTrace(run);
  }

  @Test
  void dataThatDoesNotExist_isNotReplacedByAnotherSource() throws IOException {
    Path missing = directory.resolve("typo");
    CliRun run = train(missing);
    assertEquals(ExitCodes.NO_DATA, run.exitCode(), run.transcript());
    assertTrue(run.err().startsWith("error: Fashion-MNIST (train) was not found in " + missing
        + " (--data): it does not exist."), run.transcript());
    assertNothingTrained(run);
  }

  @Test
  void dataThatIsAFile_fails() throws IOException {
    Path file = Files.writeString(directory.resolve("data.txt"), "not a directory");
    CliRun run = train(file);
    assertEquals(ExitCodes.NO_DATA, run.exitCode(), run.transcript());
    assertTrue(run.err().contains(file + " (--data): it is not a directory."), run.transcript());
    assertNothingTrained(run);
  }

  @Test
  void dataWithoutTheTestSplit_namesWhatIsMissing() throws IOException {
    Path data = FashionFiles.write(directory.resolve("train-only"), Split.TRAIN, 20, 28, 28);
    CliRun run = train(data);
    assertEquals(ExitCodes.NO_DATA, run.exitCode(), run.transcript());
    assertTrue(run.err().startsWith("error: Fashion-MNIST (test) was not found in " + data + " (--data): it has no "
        + FashionMnist.imagesFileName(Split.TEST) + " and no " + FashionMnist.labelsFileName(Split.TEST) + "."),
        run.transcript());
    assertNothingTrained(run);
  }

  @Test
  void emptyDataSet_isNoData() throws IOException {
    Path data = FashionFiles.write(directory.resolve("empty"), Split.TRAIN, 0, 28, 28);
    FashionFiles.write(data, Split.TEST, 10, 28, 28);
    CliRun run = train(data);
    assertEquals(ExitCodes.NO_DATA, run.exitCode(), run.transcript());
    assertTrue(run.err().startsWith("error: " + data.resolve(FashionMnist.imagesFileName(Split.TRAIN))
        + ": holds 0 images"), run.transcript());
    assertNothingTrained(run);
  }

  @Test
  void imagesOfAnotherSize_failBeforeTheFirstStep_namingFileShapesAndResize() throws IOException {
    Path data = FashionFiles.write(directory.resolve("big"), Split.TRAIN, 20, 32, 32);
    FashionFiles.write(data, Split.TEST, 10, 32, 32);
    CliRun run = train(data);
    assertEquals(ExitCodes.FAILED, run.exitCode(), run.transcript());
    String err = run.err();
    assertTrue(err.startsWith("error: Fashion-MNIST train from " + data + " ("
        + FashionMnist.imagesFileName(Split.TRAIN)), run.transcript());
    assertTrue(err.contains("its images are 1x32x32") && err.contains("but LeNet5 takes 1x28x28 images; add "
        + "Resize(28, 28) to the pipeline"), run.transcript());
    assertNothingTrained(run);
  }

  @Test
  void evaluate_imagesOfAnotherSize_fail() throws IOException {
    Path data = FashionFiles.write(directory.resolve("big"), Split.TEST, 10, 32, 32);
    Path weights = Weights.initial(ExampleNetwork.LENET5, 1, directory.resolve("lenet5.safetensors"));
    CliRun run = CliRun.of("evaluate", "--network", "lenet5", "--weights", weights.toString(), "--data",
        data.toString());
    assertEquals(ExitCodes.FAILED, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("its images are 1x32x32") && run.err().contains("Resize(28, 28)"),
        run.transcript());
    assertFalse(run.out().contains("Accuracy"), run.transcript());
  }

  @Test
  @NeedsOpenCl
  void train_printsWhereEachSplitCameFrom() throws IOException {
    requireOpenCl();
    Path data = FashionFiles.write(directory.resolve("fashion"), Split.TRAIN, 20, 28, 28);
    FashionFiles.write(data, Split.TEST, 10, 28, 28);
    CliRun run = train(data);
    assertEquals(ExitCodes.OK, run.exitCode(), run.transcript());
    assertTrue(run.out().contains("Fashion-MNIST train: 20 images of 1x28x28 from " + data + " ("
        + FashionMnist.imagesFileName(Split.TRAIN)), run.transcript());
    assertTrue(run.out().contains("Fashion-MNIST test: 10 images of 1x28x28 from " + data + " ("
        + FashionMnist.imagesFileName(Split.TEST)), run.transcript());
  }

  @Test
  void compare_missingSecondDataSet_failsBeforeTheFirstEpoch() throws IOException {
    Path data = FashionFiles.write(directory.resolve("fashion"), Split.TRAIN, 20, 28, 28);
    FashionFiles.write(data, Split.TEST, 10, 28, 28);
    CliRun run = CliRun.of("compare", "--network", "alexnet-cifar", "--datasets", "fashion-mnist,cifar10",
        "--optimizers", "adam", "--epochs", "1", "--limit", "20", "--test-limit", "10", "--no-tune", "--data",
        data.toString(), "--output", directory.resolve("compare").toString());
    assertEquals(ExitCodes.NO_DATA, run.exitCode(), run.transcript());
    assertTrue(run.err().startsWith("error: CIFAR-10 (train) was not found in " + data + " (--data)"),
        run.transcript());
    assertFalse(run.out().contains("Comparing"), "the device is not even opened: " + run.transcript());
    assertFalse(Files.exists(directory.resolve("compare").resolve("fashion-mnist")), run.transcript());
    assertNoStackTrace(run);
  }

  @Test
  void notANumberAsLearningRate_isAnOptionError() {
    for (String rate : new String[] {"NaN", "Infinity", "-0.1"}) {
      CliRun run = train(directory.resolve("unused"), "--lr", rate);
      assertEquals(ExitCodes.USAGE, run.exitCode(), run.transcript());
      assertTrue(run.err().startsWith("Invalid value for option '--lr': '" + rate + "' is not a usable learning "
          + "rate; give a finite number of 0 or more, such as 0.001"), run.transcript());
      assertFalse(run.err().contains("torch") || run.err().contains("required"), run.transcript());
    }
  }

  @Test
  @NeedsOpenCl
  void gpuOnAMachineWithoutOne_isNoDevice() throws IOException {
    requireOpenCl();
    assumeTrue(Device.list().stream().noneMatch(d -> d.type() == DeviceType.GPU), "this machine has a GPU");
    Path data = FashionFiles.write(directory.resolve("fashion"), Split.TRAIN, 20, 28, 28);
    FashionFiles.write(data, Split.TEST, 10, 28, 28);
    CliRun run = train(data, "--device", "gpu");
    assertEquals(ExitCodes.NO_DEVICE, run.exitCode(), run.transcript());
    assertTrue(run.err().startsWith("error: --device gpu: no GPU device; found:\n"), run.transcript());
    assertTrue(run.err().contains("--device auto, cpu"), run.transcript());
    assertNothingTrained(run);
  }
}
