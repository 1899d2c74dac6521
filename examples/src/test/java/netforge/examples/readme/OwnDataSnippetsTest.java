package netforge.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import netforge.examples.lenet.LeNet5Model;
import netforge.runtime.Device;
import netforge.runtime.Logits;
import netforge.runtime.TopClasses;
import netforge.runtime.TopClasses.ClassProbability;
import netforge.runtime.data.BatchLoader;
import netforge.runtime.data.Dataset;
import netforge.runtime.data.DatasetException;
import netforge.runtime.data.FashionMnist;
import netforge.runtime.data.FloatImage;
import netforge.runtime.data.ImageFolder;
import netforge.runtime.data.ImageInput;
import netforge.runtime.data.ImageSet;
import netforge.runtime.data.Split;
import netforge.runtime.eval.ClassAccuracy;
import netforge.runtime.eval.ConfusionMatrixCsv;
import netforge.runtime.eval.Evaluation;
import netforge.runtime.image.UnreadableImageException;
import netforge.runtime.testing.NeedsOpenCl;
import netforge.runtime.testing.OpenCl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README.md's "Your own data", compiled and run: each snippet is a method here, line for line, and
 * {@link #everyLineOfTheReadmesSnippets_isInThisFile} keeps the two the same. Where the README names a file in the
 * working directory, the method takes it as a parameter and keeps the README's line as a comment.
 */
class OwnDataSnippetsTest {
  private static final Path README = Path.of("../README.md");
  private static final Path THIS_FILE = Path.of("src/test/java/netforge/examples/readme/OwnDataSnippetsTest.java");
  private static final String SECTION = "## Your own data";

  @TempDir
  Path directory;

  /** The README's Fashion-MNIST snippet: the data set and its two loaders. */
  private record FashionData(Dataset fashion, BatchLoader trainBatches, BatchLoader testBatches) {}

  static FashionData fashionMnist() throws DatasetException {
    Dataset fashion = Dataset.fashionMnist();
    ImageSet train = fashion.load(Split.TRAIN);
    ImageSet test = fashion.load(Split.TEST);
    BatchLoader trainBatches = BatchLoader.over(train).pipeline(fashion.pipeline(LeNet5Model.SPEC, true))
        .batchSize(128).seed(42).build();
    BatchLoader testBatches = BatchLoader.over(test).pipeline(fashion.pipeline(LeNet5Model.SPEC, false))
        .shuffle(false).build();
    return new FashionData(fashion, trainBatches, testBatches);
  }

  static BatchLoader imageFolder(Path photosDirectory) throws DatasetException {
    // Path photosDirectory = Path.of("photos");   // photos/cat/1.jpg, photos/dog/2.png, ...
    ImageFolder photos = ImageFolder.builder(photosDirectory)
        .imageShape(LeNet5Model.SPEC)           // decode every image to the network's input
        .testFraction(0.2, 42)                  // without train/ and test/: 20% of each class, seed 42
        .build();
    ImageSet photoTrain = photos.load(Split.TRAIN);
    BatchLoader photoBatches = BatchLoader.over(photoTrain).pipeline(photos.pipeline(LeNet5Model.SPEC, true)).build();
    return photoBatches;
  }

  /** What the README's last snippet computes. */
  private record Results(List<ClassProbability> top, Evaluation result, long shirtsTakenForTShirts) {}

  static Results oneImageAndEvaluation(Dataset fashion, BatchLoader testBatches, Path shirt, Path csv)
      throws IOException, UnreadableImageException {
    try (Device device = Device.open(); LeNet5Model model = LeNet5Model.create(device, 42)) {
      // ... train it, or model.load(Path.of("runs/train/model.safetensors"))
      ImageInput input = fashion.imageInput(LeNet5Model.SPEC);
      // Path shirt = Path.of("shirt.png");        // PNG, JPEG, ...: any size, grey or colour
      FloatImage image = input.read(shirt);     // UnreadableImageException names the file and what is wrong
      float[] logits = model.forward(image.values(), 1);
      List<ClassProbability> top = TopClasses.of(Logits.softmax(logits, 0, LeNet5Model.CLASSES),
          fashion.classNames(), 3);

      Evaluation result = Evaluation.run(model, testBatches);
      System.out.printf("accuracy %.2f%%, mean loss %.4f%n", 100 * result.accuracy(), result.meanLoss());
      for (ClassAccuracy c : result.perClass()) {
        System.out.printf("%-12s %5d images, %6.2f%% right%n", c.name(), c.images(), 100 * c.accuracy());
      }
      long shirtsTakenForTShirts = result.matrix().count(6, 0);   // [true class][predicted class]
      // Path csv = Path.of("confusion.csv");
      ConfusionMatrixCsv.write(result.matrix(), csv);
      return new Results(top, result, shirtsTakenForTShirts);
    }
  }

  @Test
  void fashionMnist_loadsBothSplits_withoutDownloading() throws DatasetException {
    // Where Debian's package is installed (as in CI) the snippet reads it; elsewhere it could download 30 MB.
    assumeTrue(FashionMnist.isIn(FashionMnist.DEBIAN_DIRECTORY, Split.TRAIN)
        && FashionMnist.isIn(FashionMnist.DEBIAN_DIRECTORY, Split.TEST), "no Debian dataset-fashion-mnist");
    FashionData data = fashionMnist();
    assertEquals(60_000, data.trainBatches().imagesPerEpoch());
    assertEquals(10_000, data.testBatches().imagesPerEpoch());
  }

  @Test
  void imageFolder_givesBatchesOfTheNetworksInput() throws IOException {
    for (String animal : List.of("cat", "dog")) {
      for (int i = 0; i < 5; i++) {
        BufferedImage image = new BufferedImage(20 + i, 30, i % 2 == 0 ? BufferedImage.TYPE_INT_RGB
            : BufferedImage.TYPE_BYTE_GRAY);
        image.setRGB(i, i, 0xFFFFFF);
        Path file = directory.resolve("photos").resolve(animal).resolve(i + ".png");
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
      }
    }
    BatchLoader batches = imageFolder(directory.resolve("photos"));
    assertEquals(8, batches.imagesPerEpoch(), "one of each class's five held out");
    assertEquals("1x28x28", batches.inputShape().toString());
  }

  @Test
  @NeedsOpenCl
  void oneImage_andEvaluation_onTheBundledTestImages() throws Exception {
    OpenCl.open().close(); // only makes sure a device is there (or skips); the snippet opens its own
    Dataset fashion = Dataset.fashionMnist();
    ImageSet test = FashionMnist.bundledSubset(Split.TEST);
    BatchLoader testBatches = BatchLoader.over(test).pipeline(fashion.pipeline(LeNet5Model.SPEC, false))
        .batchSize(100).shuffle(false).limit(200).build();
    BufferedImage shirt = new BufferedImage(90, 120, BufferedImage.TYPE_INT_RGB);
    shirt.setRGB(45, 60, 0xC0C0C0);
    Path file = directory.resolve("shirt.png");
    ImageIO.write(shirt, "png", file.toFile());
    Path csv = directory.resolve("confusion.csv");

    Results results = oneImageAndEvaluation(fashion, testBatches, file, csv);
    assertEquals(3, results.top().size());
    assertTrue(FashionMnist.CLASS_NAMES.contains(results.top().get(0).name()), results.top().toString());
    assertEquals(200, results.result().matrix().images());
    assertEquals(10, results.result().perClass().size());
    assertEquals(results.result().matrix().counts()[6][0], results.shirtsTakenForTShirts());
    assertEquals(11, Files.readAllLines(csv).size(), "a header and a row per class");
  }

  @Test
  void everyLineOfTheReadmesSnippets_isInThisFile() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int start = readme.indexOf("\n" + SECTION + "\n");
    assertTrue(start >= 0, "README.md has no section '" + SECTION + "'");
    int end = readme.indexOf("\n## ", start + 1);
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    List<String> code = new ArrayList<>();
    boolean inJava = false;
    for (String line : section.lines().toList()) {
      if (line.startsWith("```")) {
        inJava = line.equals("```java");
      } else if (inJava && !line.isBlank()) {
        code.add(line.strip());
      }
    }
    assertTrue(code.size() > 20, "the section's java snippets: " + code);
    List<String> source = Files.readAllLines(THIS_FILE, StandardCharsets.UTF_8);
    for (String line : code) {
      assertTrue(source.stream().anyMatch(s -> s.contains(line)),
          "README.md's line is not in " + THIS_FILE + ", so it was never compiled: " + line);
    }
  }
}
