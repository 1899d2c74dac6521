package netforge.examples.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import netforge.examples.lenet.LeNet5Model;
import netforge.runtime.Model;
import netforge.runtime.data.BatchLoader;
import netforge.runtime.data.ImageSet;
import netforge.runtime.data.InputShapeMismatchException;
import netforge.runtime.testing.NeedsOpenCl;
import netforge.runtime.testing.OpenClDevice;
import netforge.runtime.train.Trainer;
import netforge.runtime.train.TrainingProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input shapes are checked, never reinterpreted: in the library's trainer before the first step, and in the engine
 * for every batch. Before, 32x32 images trained a 28x28 LeNet-5 at chance, and a longer input was read in part.
 */
@NeedsOpenCl
class InputShapeTest {
  @RegisterExtension static final OpenClDevice DEVICE = new OpenClDevice();

  /** {@code count} grey 32x32 images, all black, labels 0. */
  private static ImageSet grey32(int count) {
    return new ImageSet("32x32 images", 1, 32, 32, new byte[count * 32 * 32], new int[count],
        java.util.List.of("a", "b"), "made by InputShapeTest");
  }

  @Test
  void trainer_refusesImagesOfAnotherSize_beforeWritingAnything(@TempDir Path output) throws Exception {
    BatchLoader train = BatchLoader.over(grey32(8)).batchSize(4).build();
    BatchLoader test = FashionSubset.test(8, 4);
    try (Model model = LeNet5Model.create(DEVICE.get(), 1)) {
      Path run = output.resolve("run");
      InputShapeMismatchException e = assertThrows(InputShapeMismatchException.class, () -> Trainer.builder(model)
          .epochs(1).output(run).progress(TrainingProgress.silent()).fit(train, test));
      assertTrue(e.getMessage().startsWith("32x32 images from made by InputShapeTest: its images are 1x32x32"),
          e.getMessage());
      assertTrue(e.getMessage().contains("LeNet5 takes 1x28x28 images; add Resize(28, 28) to the pipeline"),
          e.getMessage());
      assertEquals(0, model.engine().step(), "no step ran");
      assertFalse(Files.exists(run), "nothing was written");
    }
  }

  @Test
  void engine_refusesABatchOfOtherThanBatchTimesCHW() {
    try (Model model = LeNet5Model.create(DEVICE.get(), 1)) {
      float[] twoImagesOf32x32 = new float[2 * 32 * 32];
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> model.forward(twoImagesOf32x32, 2));
      assertEquals("LeNet5 needs exactly 2 x [1, 28, 28] = 1,568 input values for a batch of 2, got 2,048 (1,024 per "
          + "image instead of 784)", e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> model.lossAndGradients(twoImagesOf32x32, new int[2]));
      assertEquals(2 * 10, model.forward(new float[2 * 28 * 28], 2).length, "the exact length is accepted");
    }
  }
}
