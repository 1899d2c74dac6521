package netforge.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import netforge.runtime.testing.NeedsOpenCl;
import netforge.runtime.train.OptimizerKind;
import netforge.runtime.train.Trainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short comparison as a user runs it, on LeNet-5 and the bundled subset: 2 epochs of 4 steps, so the default
 * interval tests after every step, and the figures have 8 points per curve.
 */
@NeedsOpenCl
class CompareCommandTest {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  @TempDir
  static Path output;
  private static CliRun run;

  @BeforeAll
  static void compare() {
    run = CliRun.of("compare", "--network", "lenet5", "--optimizers", "sgd,adam", "--epochs", "2", "--limit", "256",
        "--batch", "64", "--test-limit", "64", "--offline", "--no-tune", "--output", output.toString());
  }

  @Test
  void printsTheInterval_andWhereThePublishedAccuraciesAre() {
    assertEquals(ExitCodes.OK, run.exitCode(), run.transcript());
    assertTrue(run.out().contains("testing every 1 steps of 64 images"), run.transcript());
    assertTrue(run.out().contains("The tutorial's published accuracies (20 epochs on every training image) are "
        + "printed beside the results of compare --full."), run.transcript());
    assertTrue(!run.out().contains("| tutorial's test acc |"), "not beside a 2-epoch run: " + run.transcript());
  }

  @Test
  void curves_haveAPointPerStep_inCurvesCsvAndEachRunsStepsCsv() throws IOException {
    List<String> rows = Files.readAllLines(output.resolve("curves.csv"));
    assertEquals("dataset,optimizer,step,images,epoch,trainLoss,trainAccuracy,testLoss,testAccuracy", rows.get(0));
    assertEquals(1 + 2 * 8, rows.size(), String.join("\n", rows));
    assertTrue(rows.get(8).startsWith("fashion-mnist,sgd,8,512,2,"), rows.get(8));
    assertEquals(1 + 8, Files.readAllLines(output.resolve("fashion-mnist/adam").resolve(Trainer.STEPS_CSV)).size());
  }

  @Test
  void figure_andAnimation_showBothOptimizers() throws IOException {
    BufferedImage png = ImageIO.read(output.resolve("fashion-mnist-curves.png").toFile());
    for (OptimizerKind kind : List.of(OptimizerKind.SGD, OptimizerKind.ADAM)) {
      Color color = netforge.examples.plot.OptimizerStyle.of(kind).color();
      int pixels = 0;
      for (int y = 0; y < png.getHeight(); y++) {
        for (int x = 0; x < png.getWidth(); x++) {
          pixels += (png.getRGB(x, y) & 0xFFFFFF) == (color.getRGB() & 0xFFFFFF) ? 1 : 0;
        }
      }
      assertTrue(pixels > 500, kind + ": " + pixels + " pixels of its colour");
    }
    ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
    try (ImageInputStream in = ImageIO.createImageInputStream(output.resolve("fashion-mnist-curves.gif").toFile())) {
      reader.setInput(in);
      assertEquals(8, reader.getNumImages(true), "one frame per point");
    } finally {
      reader.dispose();
    }
  }

  @Test
  void evalEveryBelowOne_isAUsageError() {
    CliRun refused = CliRun.of("compare", "--network", "lenet5", "--eval-every", "0", "--offline", "--output",
        output.resolve("never").toString());
    assertEquals(ExitCodes.USAGE, refused.exitCode(), refused.transcript());
    assertTrue(refused.err().contains("--eval-every must be at least 1 step, not 0"), refused.transcript());
    assertTrue(!Files.exists(output.resolve("never")), "refused before the output directory was made");
  }
}
