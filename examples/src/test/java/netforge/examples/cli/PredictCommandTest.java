package netforge.examples.cli;

import static netforge.examples.cli.EvaluateCommandTest.assertNoStackTrace;
import static netforge.examples.cli.EvaluateCommandTest.requireOpenCl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import netforge.runtime.Device;
import netforge.runtime.Logits;
import netforge.runtime.Model;
import netforge.runtime.data.FashionMnist;
import netforge.runtime.data.ImageSet;
import netforge.runtime.data.Split;
import netforge.runtime.testing.NeedsOpenCl;
import netforge.runtime.testing.OpenCl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netforge predict} on LeNet-5 with images of every mode and size, and files that are not images. */
@NeedsOpenCl
class PredictCommandTest {
  /** A printed percentage is rounded to 0.01, so K of them may add up to K x 0.005 more than their true sum. */
  private static final double ROUNDING_PER_FIGURE = 0.005;
  private static final Pattern RANKED = Pattern.compile("  +(\\d+)\\. (.+?) +(\\d+\\.\\d\\d)%");

  @TempDir
  static Path directory;

  private static Path lenet;

  @BeforeAll
  static void weights() throws IOException {
    lenet = Weights.initial(ExampleNetwork.LENET5, 1, directory.resolve("lenet5.safetensors"));
  }

  @Test
  void imagesOfEveryMode_arePredicted_andBadFilesGetTheirOwnError() throws IOException {
    requireOpenCl();
    Map<Path, String> good = new LinkedHashMap<>(); // file -> how predict must describe it
    good.put(write("grey.png", BufferedImage.TYPE_BYTE_GRAY, 28, 28, "png"), "28x28 PNG, grey");
    good.put(write("rgb.png", BufferedImage.TYPE_INT_RGB, 500, 37, "png"), "500x37 PNG, RGB");
    good.put(write("alpha.png", BufferedImage.TYPE_INT_ARGB, 33, 17, "png"),
        "33x17 PNG, RGB with alpha, composited over black");
    good.put(write("palette.png", BufferedImage.TYPE_BYTE_INDEXED, 1, 1, "png"), "1x1 PNG, palette of 256 colours");
    good.put(write("deep.png", BufferedImage.TYPE_USHORT_GRAY, 41, 29, "png"), "41x29 PNG, grey, 16-bit");
    good.put(write("photo.jpg", BufferedImage.TYPE_INT_RGB, 64, 48, "jpeg"), "64x48 JPEG, RGB");
    good.put(write("grey.jpg", BufferedImage.TYPE_BYTE_GRAY, 30, 30, "jpeg"), "30x30 JPEG, grey");
    good.put(write("icon.gif", BufferedImage.TYPE_BYTE_INDEXED, 20, 20, "gif"), "20x20 GIF, palette of 256 colours");
    good.put(write("old.bmp", BufferedImage.TYPE_INT_RGB, 13, 7, "bmp"), "13x7 BMP, RGB");
    Path text = Files.writeString(directory.resolve("notes.png"), "not a picture\n");
    Path empty = Files.createFile(directory.resolve("empty.png"));
    Path missing = directory.resolve("missing.png");

    List<String> args = new ArrayList<>(List.of("predict", "--network", "lenet5", "--weights", lenet.toString(),
        "--top", "3"));
    List<Path> files = new ArrayList<>(good.keySet());
    files.add(2, text); // the bad files between good ones: the rest must still be predicted
    files.add(5, empty);
    files.add(missing);
    files.forEach(f -> args.add(f.toString()));
    CliRun run = CliRun.of(args.toArray(String[]::new));

    assertEquals(ExitCodes.FAILED, run.exitCode(), run.transcript());
    Map<String, List<Ranked>> predicted = parse(run.out());
    for (Map.Entry<Path, String> image : good.entrySet()) {
      String header = image.getKey() + ": " + image.getValue();
      assertTrue(predicted.containsKey(header), "no prediction under '" + header + "':\n" + run.transcript());
      assertTopK(predicted.get(header), 3);
    }
    assertEquals(good.size(), predicted.size(), run.transcript());
    assertTrue(run.err().contains("error: " + text + ": is not an image"), run.transcript());
    assertTrue(run.err().contains("error: " + empty + ": is empty (0 bytes)"), run.transcript());
    assertTrue(run.err().contains("error: " + missing + ": no such file"), run.transcript());
    assertTrue(run.err().contains("3 of 12 image files could not be read"), run.transcript());
    assertNoStackTrace(run);
  }

  @Test
  void truncatedJpeg_isPredictedWithAWarning() throws IOException {
    requireOpenCl();
    Path whole = write("whole-photo.jpg", BufferedImage.TYPE_INT_RGB, 64, 48, "jpeg");
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = Files.write(directory.resolve("cut-photo.jpg"), java.util.Arrays.copyOf(bytes, bytes.length - 20));
    CliRun run = CliRun.of("predict", "--network", "lenet5", "--weights", lenet.toString(), cut.toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("warning: " + cut + ": the decoder reported Truncated File - Missing EOI marker"),
        run.transcript());
    assertTrue(run.out().contains(cut + ": 64x48 JPEG"), "still predicted: " + run.transcript());
  }

  @Test
  void topLargerThanTheClasses_showsThemAll_summingToAHundredPercent() throws IOException {
    requireOpenCl();
    Path image = write("shirt.png", BufferedImage.TYPE_INT_RGB, 90, 120, "png");
    CliRun run = CliRun.of("predict", "--network", "lenet5", "--weights", lenet.toString(), "--top", "25",
        image.toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run.transcript());
    List<Ranked> all = parse(run.out()).values().iterator().next();
    assertTopK(all, 10);
    assertEquals(100.0, all.stream().mapToDouble(Ranked::percent).sum(), 10 * ROUNDING_PER_FIGURE);
    assertEquals(FashionMnist.CLASS_NAMES.stream().sorted().toList(),
        all.stream().map(Ranked::name).sorted().toList());
  }

  @Test
  void fashionMnistImage_getsTheProbabilitiesOfTheTestPassInput() throws IOException {
    requireOpenCl();
    ImageSet test = FashionMnist.bundledSubset(Split.TEST).first(1);
    BufferedImage grey = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setDataElements(0, 0, 28, 28, test.pixels());
    Path file = directory.resolve("fashion-0.png");
    ImageIO.write(grey, "png", file.toFile());
    CliRun run = CliRun.of("predict", "--network", "lenet5", "--weights", lenet.toString(), "--top", "10",
        file.toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run.transcript());
    List<Ranked> printed = parse(run.out()).values().iterator().next();

    int[] shape = ExampleNetwork.LENET5.spec().inputShape();
    float[] input = DatasetChoice.FASHION_MNIST.pipeline(shape, false).apply(test, 0, new SplittableRandom(0))
        .values();
    try (Device device = OpenCl.open(); Model model = ExampleNetwork.LENET5.type().create(device, 1)) {
      double[] expected = Logits.softmax(model.forward(input, 1), 0, 10);
      for (Ranked r : printed) {
        double percent = 100 * expected[FashionMnist.CLASS_NAMES.indexOf(r.name())];
        assertEquals(String.format(Locale.ROOT, "%.2f", percent), String.format(Locale.ROOT, "%.2f", r.percent()),
            r.name());
      }
    }
  }

  @Test
  void badOptions_areUsageErrors() {
    for (String[] args : List.of(
        new String[] {"predict", "--weights", lenet.toString(), "--network", "lenet5", "--top", "0", "x.png"},
        new String[] {"predict", "--weights", lenet.toString(), "--network", "lenet5", "--classes", "imagenet",
            "x.png"},
        new String[] {"predict", "--weights", lenet.toString(), "--network", "lenet5"})) {
      CliRun run = CliRun.of(args);
      assertEquals(ExitCodes.USAGE, run.exitCode(), run.transcript());
      assertTrue(run.err().contains("Usage: netforge predict"), run.transcript());
      assertNoStackTrace(run);
    }
  }

  @Test
  void cifarClasses_onAGreyNetwork_isRefusedClearly() {
    CliRun run = CliRun.of("predict", "--weights", lenet.toString(), "--network", "lenet5", "--classes", "cifar10",
        "x.png");
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.transcript());
    assertTrue(run.err().startsWith("error: CIFAR-10 is RGB"), run.transcript());
  }

  @Test
  void help_showsExamplesAndTheFashionMnistCaveat() {
    CliRun run = CliRun.of("predict", "--help");
    assertEquals(ExitCodes.OK, run.exitCode(), run.transcript());
    assertTrue(run.out().contains("Examples:\n  netforge predict --weights"), run.out());
    assertTrue(run.out().contains("arbitrary"), run.out());
    assertTrue(run.err().isEmpty(), "no picocli warnings: " + run.err());
  }

  private record Ranked(int rank, String name, double percent) {}

  /** Each image's header line ({@code file: description}) and the ranked lines under it. */
  private static Map<String, List<Ranked>> parse(String out) {
    Map<String, List<Ranked>> images = new LinkedHashMap<>();
    List<Ranked> current = null;
    for (String line : out.lines().skip(1).toList()) { // the first line says which network and weights
      Matcher m = RANKED.matcher(line);
      if (m.matches()) {
        current.add(new Ranked(Integer.parseInt(m.group(1)), m.group(2), Double.parseDouble(m.group(3))));
      } else {
        current = new ArrayList<>();
        images.put(line, current);
      }
    }
    return images;
  }

  private static void assertTopK(List<Ranked> ranked, int k) {
    assertEquals(k, ranked.size(), ranked.toString());
    double sum = 0;
    for (int i = 0; i < ranked.size(); i++) {
      assertEquals(i + 1, ranked.get(i).rank());
      assertTrue(FashionMnist.CLASS_NAMES.contains(ranked.get(i).name()), ranked.get(i).name());
      if (i > 0) {
        assertTrue(ranked.get(i).percent() <= ranked.get(i - 1).percent(), "sorted: " + ranked);
      }
      sum += ranked.get(i).percent();
    }
    assertTrue(sum <= 100 + k * ROUNDING_PER_FIGURE, "the top " + k + " add up to at most 100%: " + ranked);
    assertEquals(k, ranked.stream().map(Ranked::name).distinct().count(), "each class once: " + ranked);
  }

  /** An image of {@code type} with something drawn on it (a light shape, part of it translucent), written as is. */
  private static Path write(String name, int type, int width, int height, String format) throws IOException {
    BufferedImage image = new BufferedImage(width, height, type);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(230, 200, 120, 180));
    g.fillOval(width / 4, height / 8, Math.max(1, width / 2), Math.max(1, 3 * height / 4));
    g.dispose();
    Path file = directory.resolve(name);
    if (!ImageIO.write(image, format, file.toFile())) {
      throw new IllegalStateException("this Java cannot write a " + format + " of type " + type);
    }
    return file;
  }
}
