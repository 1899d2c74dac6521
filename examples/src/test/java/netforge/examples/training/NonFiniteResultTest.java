package netforge.examples.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import netforge.examples.lenet.LeNet5Model;
import netforge.runtime.Model;
import netforge.runtime.data.BatchLoader;
import netforge.runtime.data.FloatImage;
import netforge.runtime.data.ImageShape;
import netforge.runtime.data.Transform;
import netforge.runtime.data.TransformPipeline;
import netforge.runtime.io.SafetensorsException;
import netforge.runtime.testing.NeedsOpenCl;
import netforge.runtime.testing.OpenClDevice;
import netforge.runtime.train.Checkpoint;
import netforge.runtime.train.EpochRecord;
import netforge.runtime.train.History;
import netforge.runtime.train.NonFiniteLossException;
import netforge.runtime.train.OptimizerKind;
import netforge.runtime.train.Trainer;
import netforge.runtime.train.TrainingProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Non-finite numbers are errors, never results: an epoch with a non-finite test loss is neither saved nor called
 * best, a checkpoint holding NaN is not resumed (nor called "the last good checkpoint"), and a history row exists only
 * for an epoch whose checkpoint was written.
 */
@NeedsOpenCl
class NonFiniteResultTest {
  private static final int IMAGES = 256;
  private static final int TEST_IMAGES = 64;
  private static final int BATCH = 64;
  private static final long SEED = 31;

  @RegisterExtension static final OpenClDevice DEVICE = new OpenClDevice();

  /** Test images scaled to infinity: the network's outputs on them are not finite, while training stays finite. */
  @Test
  void nonFiniteTestLoss_stopsTheRun_andIsNeitherSavedNorBest(@TempDir Path output) throws IOException {
    NonFiniteLossException e;
    try (Model model = LeNet5Model.create(DEVICE.get(), SEED)) {
      Trainer trainer = trainer(model, 1, output, TrainingProgress.silent());
      e = assertThrows(NonFiniteLossException.class, () -> trainer.fit(train(), overflowingTest()));
    }
    assertTrue(e.getMessage().contains("training stopped after epoch 1: the test loss is "), e.getMessage());
    assertTrue(e.getMessage().contains("nothing of epoch 1 was saved"), e.getMessage());
    for (String file : List.of(Trainer.CHECKPOINT, Trainer.BEST, Trainer.FINAL, Trainer.HISTORY_JSON,
        Trainer.HISTORY_CSV)) {
      assertFalse(Files.exists(output.resolve(file)), file + " must not be written for a non-finite epoch");
    }
  }

  @Test
  void checkpointHoldingNaN_isNotResumed_andTheTensorIsNamed(@TempDir Path output) throws IOException {
    try (Model model = LeNet5Model.create(DEVICE.get(), SEED)) {
      trainer(model, 1, output, TrainingProgress.silent()).fit(train(), test());
    }
    Path file = output.resolve(Trainer.CHECKPOINT);
    Checkpoint good = Checkpoint.read(file, LeNet5Model.SPEC);
    float[] parameters = good.parameters().clone();
    parameters[3] = Float.NaN;
    new Checkpoint(good.network(), good.epoch(), good.engineStep(), good.optimizerSteps(), good.optimizer(),
        good.seed(), good.batchSize(), good.limit(), good.testImages(), good.dataOrder(), parameters,
        good.optimizerState(), good.history(), good.steps()).write(file, LeNet5Model.SPEC);
    byte[] damaged = Files.readAllBytes(file);

    SafetensorsException e;
    try (Model model = LeNet5Model.create(DEVICE.get(), SEED)) {
      Trainer trainer = trainer(model, 2, output, TrainingProgress.silent(), true);
      e = assertThrows(SafetensorsException.class, () -> trainer.fit(train(), test()));
    }
    String first = LeNet5Model.SPEC.parameters().get(0).name();
    assertTrue(e.getMessage().contains(file + ": cannot be resumed: " + first + " holds NaN in 1 of its"),
        e.getMessage());
    assertFalse(e.getMessage().contains("last good checkpoint"), e.getMessage());
    assertTrue(java.util.Arrays.equals(damaged, Files.readAllBytes(file)), "the refused checkpoint stays as it was");
  }

  /**
   * The checkpoint of epoch 2 cannot be written (a directory is in its place, as a full disk would fail the rename):
   * the run fails, and the history still ends at epoch 1, whose checkpoint is there.
   */
  @Test
  void historyRow_onlyForAnEpochWhoseCheckpointWasWritten(@TempDir Path output) throws IOException {
    TrainingProgress blockCheckpointInEpoch2 = new TrainingProgress() {
      @Override
      public Epoch epoch(String label, int epoch, int epochs, int images) {
        if (epoch == 2) {
          try {
            Files.delete(output.resolve(Trainer.CHECKPOINT));
            Files.createDirectories(output.resolve(Trainer.CHECKPOINT).resolve("in-the-way"));
          } catch (IOException e) {
            throw new AssertionError(e);
          }
        }
        return TrainingProgress.silent().epoch(label, epoch, epochs, images);
      }

      @Override
      public void finished(String label, EpochRecord record, int epochs) {}
    };
    try (Model model = LeNet5Model.create(DEVICE.get(), SEED)) {
      Trainer trainer = trainer(model, 2, output, blockCheckpointInEpoch2);
      assertThrows(IOException.class, () -> trainer.fit(train(), test()));
    }
    List<EpochRecord> history = History.readJson(output.resolve(Trainer.HISTORY_JSON)).epochs();
    assertEquals(1, history.size(), "epoch 2 has no checkpoint, so no history row: " + history);
    assertEquals(2, Files.readAllLines(output.resolve(Trainer.HISTORY_CSV)).size(), "header and epoch 1");
  }

  private static Trainer trainer(Model model, int epochs, Path output, TrainingProgress progress) {
    return trainer(model, epochs, output, progress, false);
  }

  private static Trainer trainer(Model model, int epochs, Path output, TrainingProgress progress, boolean resume) {
    return Trainer.builder(model).optimizer(OptimizerKind.ADAM).epochs(epochs).output(output).resume(resume)
        .progress(progress).build();
  }

  private static BatchLoader train() {
    return FashionSubset.train(IMAGES, BATCH, SEED);
  }

  private static BatchLoader test() {
    return FashionSubset.test(TEST_IMAGES, BATCH);
  }

  private static BatchLoader overflowingTest() {
    List<Transform> steps = new ArrayList<>(FashionSubset.pipeline(false).steps());
    steps.add(new Scale(Float.POSITIVE_INFINITY));
    return BatchLoader.over(FashionSubset.testImages()).pipeline(new TransformPipeline(steps)).batchSize(BATCH)
        .shuffle(false).limit(TEST_IMAGES).build();
  }

  /** Multiplies every value: large enough, it overflows the network's first layer. */
  private record Scale(float factor) implements Transform {
    @Override
    public ImageShape outputShape(ImageShape input) {
      return input;
    }

    @Override
    public FloatImage apply(FloatImage image, RandomGenerator random) {
      float[] values = image.values().clone();
      for (int i = 0; i < values.length; i++) {
        values[i] *= factor;
      }
      return new FloatImage(image.shape(), values);
    }
  }
}
