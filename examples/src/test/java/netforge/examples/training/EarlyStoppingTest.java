package netforge.examples.training;

import static netforge.examples.training.SameBits.assertSameBits;
import static netforge.examples.training.SameBits.sameBits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import netforge.examples.lenet.LeNet5Model;
import netforge.runtime.Model;
import netforge.runtime.data.BatchLoader;
import netforge.runtime.data.ImageSet;
import netforge.runtime.io.Safetensors;
import netforge.runtime.testing.NeedsOpenCl;
import netforge.runtime.testing.OpenClDevice;
import netforge.runtime.train.Checkpoint;
import netforge.runtime.train.EpochRecord;
import netforge.runtime.train.OptimizerConfig;
import netforge.runtime.train.OptimizerKind;
import netforge.runtime.train.Trainer;
import netforge.runtime.train.TrainingProgress;
import netforge.runtime.train.TrainingResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Early stopping: a run ends {@code patience} epochs after its best test accuracy, {@value Trainer#BEST} holds the
 * weights of that best epoch (not the last one), and a resumed run that had already stopped stays stopped.
 */
@NeedsOpenCl
class EarlyStoppingTest {
  private static final int IMAGES = 256;
  private static final int TEST_IMAGES = 200;
  private static final int BATCH = 64;
  private static final long SEED = 31;
  private static final int PATIENCE = 2;
  /** More than the runs below ever need: reaching it would mean early stopping never acted. */
  private static final int MAX_EPOCHS = 30;

  @RegisterExtension static final OpenClDevice DEVICE = new OpenClDevice();

  /**
   * The test labels are random, so the test accuracy wanders around 10% as training changes the weights, with
   * no trend: a new best now and then, and soon {@value #PATIENCE} epochs without one. The weights of every epoch
   * are captured as it finishes, to check which of them the files hold.
   */
  @Test
  void wanderingAccuracy_stopsPatienceEpochsAfterTheBest_whoseWeightsAreTheBestFile(@TempDir Path output)
      throws IOException {
    Map<Integer, float[]> weightsAfter = new TreeMap<>();
    TrainingResult result;
    try (Model model = LeNet5Model.create(DEVICE.get(), SEED)) {
      result = Trainer.builder(model).optimizer(OptimizerKind.ADAM).epochs(MAX_EPOCHS).patience(PATIENCE)
          .output(output).progress(capturingWeights(model, weightsAfter))
          .fit(FashionSubset.train(IMAGES, BATCH, SEED), randomlyLabelledTest());
    }
    List<EpochRecord> epochs = result.history().epochs();
    EpochRecord best = result.history().best();
    int last = epochs.size();

    assertTrue(result.stoppedEarly(), "stopped early: " + epochs);
    assertEquals(best.epoch() + PATIENCE, last, "it must stop exactly " + PATIENCE + " epochs after the best");
    for (EpochRecord e : epochs.subList(best.epoch(), last)) {
      assertTrue(e.testAccuracy() <= best.testAccuracy(), "no epoch after the best is better: " + e);
    }
    for (EpochRecord e : epochs.subList(0, best.epoch() - 1)) {
      assertTrue(e.testAccuracy() < best.testAccuracy(), "the best is the first of its accuracy: " + e);
    }
    assertSameBits(Trainer.BEST + " vs epoch " + best.epoch(), weightsAfter.get(best.epoch()),
        Safetensors.load(output.resolve(Trainer.BEST), LeNet5Model.SPEC));
    assertSameBits(Trainer.FINAL + " vs epoch " + last, weightsAfter.get(last),
        Safetensors.load(output.resolve(Trainer.FINAL), LeNet5Model.SPEC));
    assertFalse(sameBits(weightsAfter.get(best.epoch()), weightsAfter.get(last)),
        "training went on after the best epoch, so the best and final weights differ");
    assertEquals(last, Checkpoint.read(output.resolve(Trainer.CHECKPOINT), LeNet5Model.SPEC).epoch());
  }

  /**
   * With a learning rate of 0 every epoch scores the same: epoch 1 is the best (the first of equals), and epochs 2
   * and 3 are not better, so the run ends after epoch 1 + {@value #PATIENCE}.
   */
  @Test
  void constantAccuracy_stopsAfterPatienceEpochs(@TempDir Path output) throws IOException {
    TrainingResult result = frozen(output, MAX_EPOCHS, PATIENCE, false);
    assertTrue(result.stoppedEarly());
    assertEquals(1 + PATIENCE, result.history().epochs().size(), result.history().epochs().toString());
    assertEquals(1, result.history().best().epoch());
  }

  @Test
  void patienceZero_neverStops(@TempDir Path output) throws IOException {
    int epochs = PATIENCE + 2;
    TrainingResult result = frozen(output, epochs, 0, false);
    assertFalse(result.stoppedEarly());
    assertEquals(epochs, result.history().epochs().size());
  }

  /**
   * A run that stopped early has finished: resuming it with the same settings must not train another epoch, or
   * a run killed between its last checkpoint and its exit would end differently from one that was not.
   */
  @Test
  void resumingARunThatStoppedEarly_trainsNoMoreEpochs(@TempDir Path output) throws IOException {
    TrainingResult first = frozen(output, MAX_EPOCHS, PATIENCE, false);
    TrainingResult resumed = frozen(output, MAX_EPOCHS, PATIENCE, true);
    assertEquals(first.history().epochs().size(), resumed.resumedFrom());
    assertEquals(first.history().epochs().size(), resumed.history().epochs().size(),
        "epochs after resuming: " + resumed.history().epochs());
    assertTrue(resumed.stoppedEarly(), "the resumed run reports that the run stopped early");
  }

  /** A larger patience on resume is the way to continue a run that stopped early. */
  @Test
  void resumingARunThatStoppedEarly_withMorePatience_continues(@TempDir Path output) throws IOException {
    TrainingResult first = frozen(output, MAX_EPOCHS, PATIENCE, false);
    TrainingResult resumed = frozen(output, MAX_EPOCHS, PATIENCE + 1, true);
    assertEquals(first.history().epochs().size() + 1, resumed.history().epochs().size());
  }

  /** Plain SGD with a learning rate of 0: the weights never change, so neither does the test accuracy. */
  private static TrainingResult frozen(Path output, int epochs, int patience, boolean resume) throws IOException {
    try (Model model = LeNet5Model.create(DEVICE.get(), SEED)) {
      return Trainer.builder(model).optimizer(OptimizerConfig.defaults(OptimizerKind.SGD).withLr(0)).epochs(epochs)
          .patience(patience).output(output).resume(resume).progress(TrainingProgress.silent())
          .fit(FashionSubset.train(IMAGES, BATCH, SEED), FashionSubset.test(TEST_IMAGES, BATCH));
    }
  }

  /** The first test images with labels drawn at random (a fixed draw), so no training makes them predictable. */
  private static BatchLoader randomlyLabelledTest() {
    ImageSet real = FashionSubset.testImages().first(TEST_IMAGES);
    SplittableRandom random = new SplittableRandom(SEED);
    int[] labels = random.ints(real.size(), 0, real.classNames().size()).toArray();
    ImageSet shuffled = new ImageSet(real.name() + " with random labels", real.channels(), real.height(),
        real.width(), real.pixels(), labels, real.classNames(), real.source());
    return BatchLoader.over(shuffled).pipeline(FashionSubset.pipeline(false)).batchSize(BATCH).shuffle(false)
        .build();
  }

  /** Silent progress that copies the model's weights as each epoch finishes (after its files are written). */
  private static TrainingProgress capturingWeights(Model model, Map<Integer, float[]> weightsAfter) {
    TrainingProgress silent = TrainingProgress.silent();
    return new TrainingProgress() {
      @Override
      public Epoch epoch(String label, int epoch, int epochs, int images) {
        return silent.epoch(label, epoch, epochs, images);
      }

      @Override
      public void finished(String label, EpochRecord record, int epochs) {
        weightsAfter.put(record.epoch(), model.parameters());
      }
    };
  }
}
