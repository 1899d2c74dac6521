package netforge.examples.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import netforge.examples.lenet.LeNet5Model;
import netforge.runtime.Device;
import netforge.runtime.Model;
import netforge.runtime.data.FashionMnist;
import netforge.runtime.testing.NeedsOpenCl;
import netforge.runtime.testing.OpenCl;
import netforge.runtime.train.EpochRecord;
import netforge.runtime.train.OptimizerKind;
import netforge.runtime.train.Trainer;
import netforge.runtime.train.TrainingProgress;
import org.junit.jupiter.api.Test;

/**
 * Training learns from real data: LeNet-5 on the Fashion-MNIST subset bundled with NetForge (all 4,000 training
 * images, tested on its 1,000 test images), batch 64, the tutorial's Adam, 2 epochs.
 */
@NeedsOpenCl
class BundledFashionMnistAccuracyTest {
  private static final int BATCH = 64;
  private static final int EPOCHS = 2;
  private static final long SEED = 0;
  /**
   * Measured on PoCL (2-core Zen 4): 0.731 after epoch 2 with seed 0. Seeds 0 to 5 gave 0.635 to 0.744, and PyTorch
   * 1.13 with the same recipe (same images, normalisation, LeNet-5, Adam lr 1e-3 weight decay 1e-4, batch 64, 2
   * epochs) gave 0.700 to 0.747 for seeds 0 to 5: 126 steps do not get further. Another device rounds differently
   * and so follows another trajectory, as another seed would; 0.60 is below all twelve runs, so it does not flake,
   * and six times chance (0.10), so a trainer that learns much less than PyTorch's fails it.
   */
  private static final double MIN_TEST_ACCURACY = 0.60;

  @Test
  void leNet5_onTheBundledSubset_learnsInTwoEpochs() throws IOException {
    List<EpochRecord> epochs;
    try (Device device = OpenCl.open(); Model model = LeNet5Model.create(device, SEED)) {
      epochs = Trainer.builder(model).optimizer(OptimizerKind.ADAM).epochs(EPOCHS)
          .progress(TrainingProgress.silent())
          .fit(FashionSubset.train(FashionMnist.BUNDLED_TRAIN_IMAGES, BATCH, SEED),
              FashionSubset.test(FashionMnist.BUNDLED_TEST_IMAGES, BATCH))
          .history().epochs();
    }
    epochs.forEach(e -> System.out.printf(Locale.ROOT, "LeNet-5, bundled Fashion-MNIST, epoch %d: train loss %.4f "
            + "acc %.4f | test loss %.4f acc %.4f%n", e.epoch(), e.trainLoss(), e.trainAccuracy(), e.testLoss(),
        e.testAccuracy()));

    assertEquals(EPOCHS, epochs.size());
    EpochRecord first = epochs.get(0);
    EpochRecord last = epochs.get(EPOCHS - 1);
    assertTrue(last.trainLoss() < first.trainLoss(), "the training loss must fall: " + epochs);
    assertTrue(last.testLoss() < first.testLoss(), "the test loss must fall: " + epochs);
    assertTrue(last.testAccuracy() >= MIN_TEST_ACCURACY, "test accuracy after " + EPOCHS + " epochs: "
        + last.testAccuracy() + ", expected at least " + MIN_TEST_ACCURACY);
  }
}
