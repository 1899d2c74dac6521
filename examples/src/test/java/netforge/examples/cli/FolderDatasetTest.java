package netforge.examples.cli;

import static netforge.examples.cli.EvaluateCommandTest.assertNoStackTrace;
import static netforge.examples.cli.EvaluateCommandTest.requireOpenCl;
import static netforge.runtime.testing.TestImages.noise;
import static netforge.runtime.testing.TestImages.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netforge.runtime.data.ImageFolder;
import netforge.runtime.data.ImageShape;
import netforge.runtime.data.Split;
import netforge.runtime.testing.NeedsOpenCl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --dataset folder:DIR} and {@code --classes folder:DIR}: a user's own pictures, as a folder of one
 * sub-directory per class, trained on, evaluated and predicted from, with the files that cannot be read named.
 */
class FolderDatasetTest {
  /** Ten classes, as many as LeNet-5 has outputs. */
  private static final List<String> ANIMALS = List.of("ant", "bee", "cat", "dog", "eel", "fox", "gnu", "hen", "owl",
      "yak");

  @TempDir
  Path directory;

  /** Four images per class, PNG and JPEG, grey and RGB, of odd sizes; a damaged file and a note among them. */
  private Path animals() throws IOException {
    Path root = directory.resolve("animals");
    for (int c = 0; c < ANIMALS.size(); c++) {
      Path dir = root.resolve(ANIMALS.get(c));
      write(dir.resolve("1.png"), noise(BufferedImage.TYPE_INT_RGB, 31 + c, 17, c), "png");
      write(dir.resolve("2.jpg"), noise(BufferedImage.TYPE_BYTE_GRAY, 28, 40 + c, 10 + c), "jpeg");
      write(dir.resolve("3.png"), noise(BufferedImage.TYPE_BYTE_GRAY, 9, 9, 20 + c), "png");
      write(dir.resolve("4.jpg"), noise(BufferedImage.TYPE_INT_RGB, 64, 48, 30 + c), "jpeg");
    }
    Files.writeString(root.resolve("cat/broken.jpg"), "not a picture\n");
    Files.writeString(root.resolve("ant/notes.txt"), "ants\n");
    return root;
  }

  @Test
  @NeedsOpenCl
  void ownImages_train_evaluate_andPredict_namingTheFileThatCannotBeRead() throws IOException {
    requireOpenCl();
    Path animals = animals();
    Path run = directory.resolve("run");
    CliRun train = CliRun.of("train", "--network", "lenet5", "--dataset", "folder:" + animals, "--epochs", "1",
        "--batch", "8", "--no-tune", "--output", run.toString());
    assertEquals(ExitCodes.OK, train.exitCode(), train.transcript());
    String out = train.out();
    assertTrue(out.contains("note: skipped " + animals.resolve("cat/broken.jpg") + ": is not an image javax.imageio "
        + "can read"), out);
    assertTrue(out.contains("note: left out 1 file of " + animals + " that is not in a class directory or not an "
        + "image by its name: ant/notes.txt"), out);
    ImageFolder folder = ImageFolder.builder(animals).imageShape(new ImageShape(1, 28, 28)).notices(n -> { })
        .build();
    int trainImages = folder.load(Split.TRAIN).size();
    int testImages = folder.load(Split.TEST).size();
    assertEquals(40, trainImages + testImages, "every readable image in one split");
    assertTrue(out.contains("animals train: " + trainImages + " images of 1x28x28 from " + animals + " (10 classes, "
        + "20% of each class held out for testing, drawn with seed 0"), out);
    assertNoStackTrace(train);

    Path weights = run.resolve("model.safetensors");
    CliRun evaluate = CliRun.of("evaluate", "--network", "lenet5", "--weights", weights.toString(), "--dataset",
        "folder:" + animals);
    assertEquals(ExitCodes.OK, evaluate.exitCode(), evaluate.transcript());
    Matcher accuracy = Pattern.compile("Accuracy: \\d+\\.\\d\\d% \\(\\d+ of (\\d+) images correct\\)")
        .matcher(evaluate.out());
    assertTrue(accuracy.find(), evaluate.out());
    assertEquals(testImages, Integer.parseInt(accuracy.group(1)));
    for (String animal : ANIMALS) {
      assertTrue(Pattern.compile("(?m)^  " + animal + " +\\d+ +\\d+ +(\\d+\\.\\d\\d%|-)$").matcher(evaluate.out())
          .find(), "a per-class row for " + animal + ":\n" + evaluate.out());
    }

    Path photo = write(directory.resolve("new-photo.jpg"), noise(BufferedImage.TYPE_INT_RGB, 300, 200, 99), "jpeg");
    CliRun predict = CliRun.of("predict", "--network", "lenet5", "--weights", weights.toString(), "--classes",
        "folder:" + animals, "--top", "3", photo.toString());
    assertEquals(ExitCodes.OK, predict.exitCode(), predict.transcript());
    assertTrue(predict.out().contains("animals classes, top 3 of 10"), predict.out());
    List<String> ranked = predict.out().lines().filter(l -> l.matches("  \\d\\. .*")).toList();
    assertEquals(3, ranked.size(), predict.out());
    for (String line : ranked) {
      String name = line.substring(5).strip().split(" +")[0];
      assertTrue(ANIMALS.contains(name), "a class of the folder: " + line);
    }
  }

  @Test
  void aFolderOfOtherClassesThanTheNetworkHasOutputs_isAUsageError() throws IOException {
    Path tiny = directory.resolve("tiny");
    for (String name : List.of("a", "b", "c")) {
      write(tiny.resolve(name).resolve("1.png"), noise(BufferedImage.TYPE_INT_RGB, 5, 5, 1), "png");
    }
    CliRun run = CliRun.of("train", "--network", "lenet5", "--dataset", "folder:" + tiny, "--no-tune", "--output",
        directory.resolve("run").toString());
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.transcript());
    assertEquals("error: lenet5 has 10 output classes but tiny has 3: its outputs cannot be read as tiny's classes "
        + "[a, b, c]", run.err().strip());
  }

  @Test
  void twoFoldersOfOneName_areRefusedBeforeAnythingRuns() throws IOException {
    Path first = Files.createDirectories(directory.resolve("a/pets"));
    Path second = Files.createDirectories(directory.resolve("b/pets"));
    Path output = directory.resolve("comparison");
    CliRun run = CliRun.of("compare", "--network", "lenet5", "--datasets", "folder:" + first + ",folder:" + second,
        "--output", output.toString());
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.transcript());
    assertEquals("error: --datasets names two data sets that would both be written as 'folder-pets' (folder:" + first
        + " and folder:" + second + "); compare folders of different names", run.err().strip());
    assertFalse(Files.exists(output), "nothing is written");
  }

  @Test
  void missingFolder_isNoData() {
    Path nowhere = directory.resolve("nowhere");
    CliRun run = CliRun.of("evaluate", "--network", "lenet5", "--weights", directory.resolve("w").toString(),
        "--dataset", "folder:" + nowhere);
    assertEquals(ExitCodes.NO_DATA, run.exitCode(), run.transcript());
    assertEquals("error: " + nowhere + ": no such directory", run.err().strip());
  }

  @Test
  void folderWithData_orWithoutADirectory_isAUsageError() throws IOException {
    Path animals = animals();
    CliRun withData = CliRun.of("train", "--network", "lenet5", "--dataset", "folder:" + animals, "--data",
        directory.toString(), "--output", directory.resolve("run").toString());
    assertEquals(ExitCodes.USAGE, withData.exitCode(), withData.transcript());
    assertTrue(withData.err().contains("--dataset folder:" + animals + " names its directory itself: leave --data "
        + "out"), withData.transcript());

    CliRun blank = CliRun.of("train", "--dataset", "folder:");
    assertEquals(ExitCodes.USAGE, blank.exitCode(), blank.transcript());
    assertTrue(blank.err().contains("'folder:' names no directory; write folder:DIR"), blank.transcript());
  }
}
