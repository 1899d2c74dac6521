package netforge.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netforge.runtime.Device;
import netforge.runtime.data.DatasetLocator;
import netforge.runtime.data.FashionMnist;
import netforge.runtime.testing.NeedsOpenCl;
import netforge.runtime.testing.OpenCl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code netforge evaluate} run as a user runs it, on LeNet-5 and the first images of Fashion-MNIST's test split
 * (Debian's package where installed, else the bundled subset: {@code --offline} and no {@code --data}).
 */
@NeedsOpenCl
class EvaluateCommandTest {
  private static final int IMAGES = 300;

  @TempDir
  static Path directory;

  private static Path lenet;

  @BeforeAll
  static void weights() throws Exception {
    lenet = Weights.initial(ExampleNetwork.LENET5, 1, directory.resolve("lenet5.safetensors"));
  }

  @Test
  void evaluate_printsAccuracyLossPerClassAndAMatrixOfEveryImage() throws Exception {
    requireOpenCl();
    Path csv = directory.resolve("results/confusion.csv");
    CliRun run = CliRun.of("evaluate", "--network", "lenet5", "--weights", lenet.toString(), "--offline",
        "--limit", Integer.toString(IMAGES), "--batch", "64", "--output", csv.toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run.transcript());
    String out = run.out();
    assertTrue(out.contains("Fashion-MNIST test split: 300 images (the first 300 of "), out);
    assertTrue(out.contains(", from "), "says where the images came from: " + out);

    Matcher accuracy = find("Accuracy: (\\d+\\.\\d\\d)% \\((\\d+) of 300 images correct\\)", out);
    int correct = Integer.parseInt(accuracy.group(2));
    assertEquals(100.0 * correct / IMAGES, Double.parseDouble(accuracy.group(1)), 0.005);
    double loss = Double.parseDouble(find("Mean cross-entropy loss: (\\d+\\.\\d{4}) nats per image", out).group(1));
    assertTrue(loss > 0 && loss < 10, "an untrained network's loss is about ln 10 = 2.3: " + loss);

    long[][] matrix = printedMatrix(out);
    assertEquals(IMAGES, Arrays.stream(matrix).flatMapToLong(Arrays::stream).sum(), "every image counted once");
    long diagonal = 0;
    for (int c = 0; c < matrix.length; c++) {
      diagonal += matrix[c][c];
      Matcher row = find("\\n  " + Pattern.quote(FashionMnist.CLASS_NAMES.get(c))
          + " +(\\d+) +(\\d+) +(\\d+\\.\\d\\d%|-)\\n", out);
      assertEquals(Arrays.stream(matrix[c]).sum(), Long.parseLong(row.group(1)), "per-class images of row " + c);
      assertEquals(matrix[c][c], Long.parseLong(row.group(2)), "per-class correct of row " + c);
    }
    assertEquals(correct, diagonal, "the diagonal holds the correct answers");

    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    try (MappingIterator<List<String>> rows = mapper.readerFor(List.class).readValues(Files.readString(csv))) {
      List<List<String>> all = rows.readAll();
      assertEquals(FashionMnist.CLASS_NAMES, all.get(0).subList(1, 11));
      assertEquals(IMAGES, all.stream().skip(1).flatMap(r -> r.stream().skip(1)).mapToLong(Long::parseLong).sum());
    }
  }

  @Test
  void weightsOfAnotherNetwork_oneClearMessage_andUsageExitCode() {
    CliRun run = CliRun.of("evaluate", "--network", "alexnet-cifar", "--weights", lenet.toString());
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.transcript());
    assertTrue(run.err().startsWith("error: " + lenet + ": this file holds LeNet5's weights, not AlexNetCifar's"),
        run.transcript());
    assertTrue(run.err().contains("pass --network lenet5"), run.transcript());
    assertNoStackTrace(run);
  }

  @Test
  void truncatedWeights_sayWhatIsWrong_andFail() throws Exception {
    byte[] whole = Files.readAllBytes(lenet);
    Path truncated = Files.write(directory.resolve("truncated.safetensors"), Arrays.copyOf(whole, whole.length / 2));
    CliRun run = CliRun.of("evaluate", "--network", "lenet5", "--weights", truncated.toString());
    assertEquals(ExitCodes.FAILED, run.exitCode(), run.transcript());
    assertTrue(run.err().startsWith("error: " + truncated + ": "), run.transcript());
    assertTrue(run.err().contains("truncated"), run.transcript());
    assertNoStackTrace(run);
  }

  @Test
  void notASafetensorsFile_failsWithOneMessage() throws Exception {
    Path text = Files.writeString(directory.resolve("notes.safetensors"), "these are not weights");
    CliRun run = CliRun.of("evaluate", "--network", "lenet5", "--weights", text.toString());
    assertEquals(ExitCodes.FAILED, run.exitCode(), run.transcript());
    assertTrue(run.err().startsWith("error: " + text + ": "), run.transcript());
    assertNoStackTrace(run);
  }

  @Test
  void dataSetFoundNowhere_exitsWithNoData() throws Exception {
    // CIFAR-10 is looked for in --data and in the download cache; both are empty here, and downloads are off.
    Path empty = Files.createDirectories(directory.resolve("empty-cache"));
    String cache = System.getProperty(DatasetLocator.CACHE_PROPERTY);
    System.setProperty(DatasetLocator.CACHE_PROPERTY, empty.toString());
    try {
      CliRun run = CliRun.of("evaluate", "--network", "alexnet-cifar", "--dataset", "cifar10", "--weights",
          lenet.toString(), "--offline", "--data", empty.toString());
      assertEquals(ExitCodes.NO_DATA, run.exitCode(), run.transcript());
      assertTrue(run.err().startsWith("error: CIFAR-10 (test) was not found"), run.transcript());
      assertNoStackTrace(run);
    } finally {
      if (cache == null) {
        System.clearProperty(DatasetLocator.CACHE_PROPERTY);
      } else {
        System.setProperty(DatasetLocator.CACHE_PROPERTY, cache);
      }
    }
  }

  @Test
  void missingWeights_isAUsageError() {
    Path missing = directory.resolve("nowhere/model.safetensors");
    CliRun run = CliRun.of("evaluate", "--network", "lenet5", "--weights", missing.toString());
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.transcript());
    assertEquals("error: --weights " + missing + ": no such file", run.err().strip());
  }

  @Test
  void directoryAsWeights_suggestsTheFileInIt() throws Exception {
    Path run1 = Files.createDirectories(directory.resolve("run1"));
    Files.copy(lenet, run1.resolve("model.safetensors"));
    CliRun run = CliRun.of("evaluate", "--network", "lenet5", "--weights", run1.toString());
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("did you mean " + run1.resolve("model.safetensors")), run.transcript());
  }

  @Test
  void badOptions_areUsageErrors() {
    for (String[] options : List.of(new String[] {"--batch", "0"}, new String[] {"--limit", "-1"},
        new String[] {"--dataset", "mnist"}, new String[] {"--batch", "many"})) {
      String[] args = concat(new String[] {"evaluate", "--network", "lenet5", "--weights", lenet.toString()}, options);
      CliRun run = CliRun.of(args);
      assertEquals(ExitCodes.USAGE, run.exitCode(), run.transcript());
      assertTrue(run.err().contains(options[0]), "names the option: " + run.transcript());
      assertTrue(run.err().contains("Usage: netforge evaluate"), run.transcript());
      assertNoStackTrace(run);
    }
  }

  @Test
  void missingWeightsOption_isAUsageError() {
    CliRun run = CliRun.of("evaluate", "--network", "lenet5");
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("--weights"), run.transcript());
  }

  @Test
  void help_showsExamplesAndExitCodes() {
    CliRun run = CliRun.of("evaluate", "--help");
    assertEquals(ExitCodes.OK, run.exitCode(), run.transcript());
    assertTrue(run.out().contains("Examples:\n  netforge evaluate --weights runs/train/model.safetensors"), run.out());
    assertTrue(run.out().contains("Exit codes:"), run.out());
    assertFalse(run.err().contains("WARN"), "no picocli format warnings: " + run.err());
  }

  static void requireOpenCl() {
    try (Device device = OpenCl.open()) {
      // Only checks that the commands will find a device; each command opens its own.
    }
  }

  static void assertNoStackTrace(CliRun run) {
    assertFalse(run.err().contains("\tat ") || run.out().contains("\tat "), "a stack trace: " + run.transcript());
    assertFalse(run.err().contains("Exception"), "an exception's name: " + run.transcript());
  }

  private static Matcher find(String regex, String text) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), "no match for " + regex + " in:\n" + text);
    return m;
  }

  /** The confusion matrix as printed: the rows after its heading, each a class name and ten counts. */
  private static long[][] printedMatrix(String out) {
    List<String> lines = out.lines().toList();
    int heading = lines.indexOf(lines.stream().filter(l -> l.startsWith("Confusion matrix")).findFirst()
        .orElseThrow(() -> new AssertionError("no confusion matrix in:\n" + out)));
    String header = lines.get(heading + 1);
    for (String name : FashionMnist.CLASS_NAMES) {
      assertTrue(header.contains(name), "column of " + name + ": " + header);
    }
    int classes = FashionMnist.CLASS_NAMES.size();
    long[][] matrix = new long[classes][];
    for (int c = 0; c < classes; c++) {
      String row = lines.get(heading + 2 + c).strip();
      String name = FashionMnist.CLASS_NAMES.get(c);
      assertTrue(row.startsWith(name), "row " + c + " is " + name + ": " + row);
      matrix[c] = Arrays.stream(row.substring(name.length()).strip().split(" +")).mapToLong(Long::parseLong).toArray();
      assertEquals(classes, matrix[c].length, row);
    }
    return matrix;
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
