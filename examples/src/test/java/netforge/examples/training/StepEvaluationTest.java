package netforge.examples.training;

import static netforge.examples.training.SameBits.assertSameBits;
import static netforge.examples.training.SameBits.assertSameMetrics;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netforge.runtime.Device;
import netforge.runtime.Model;
import netforge.runtime.data.BatchLoader;
import netforge.runtime.testing.NeedsOpenCl;
import netforge.runtime.testing.OpenCl;
import netforge.runtime.train.EpochRecord;
import netforge.runtime.train.OptimizerKind;
import netforge.runtime.train.StepRecord;
import netforge.runtime.train.Trainer;
import netforge.runtime.train.TrainingProgress;
import netforge.runtime.train.TrainingResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that evaluates every N steps records a point at each multiple of N and at each epoch's end, with the right
 * step and image counts; its extra test passes change nothing of the training; and a resumed run has the same points.
 * DropoutLeNet draws its dropout masks from the step count, so a test pass that moved the step would show.
 */
@NeedsOpenCl
class StepEvaluationTest {
  /** 8 batches of 64 per epoch: an interval of 3 falls inside epochs and across the boundary between them. */
  private static final int IMAGES = 512;
  private static final int BATCH = 64;
  private static final int TEST_IMAGES = 200;
  private static final long MODEL_SEED = 21;
  private static final long DATA_SEED = 22;

  private static Device device;

  @BeforeAll
  static void openDevice() {
    device = OpenCl.open();
  }

  @AfterAll
  static void closeDevice() {
    if (device != null) {
      device.close();
    }
  }

  @Test
  void everyThreeSteps_pointsAtMultiplesOfThreeAndAtEachEpochsEnd(@TempDir Path output) throws IOException {
    TrainingResult result = run(2, 3, output, false);

    List<StepRecord> steps = result.history().steps();
    assertArrayEquals(new int[] {3, 6, 8, 9, 12, 15, 16}, steps.stream().mapToInt(StepRecord::step).toArray());
    assertArrayEquals(new long[] {192, 384, 512, 576, 768, 960, 1024},
        steps.stream().mapToLong(StepRecord::images).toArray());
    assertArrayEquals(new int[] {1, 1, 1, 2, 2, 2, 2}, steps.stream().mapToInt(StepRecord::epoch).toArray());
    // The epoch's end is the epoch's own test pass, not a second one.
    List<EpochRecord> epochs = result.history().epochs();
    for (int[] pair : new int[][] {{2, 0}, {6, 1}}) {
      StepRecord end = steps.get(pair[0]);
      EpochRecord epoch = epochs.get(pair[1]);
      assertEquals(epoch.testLoss(), end.testLoss(), "test loss at the end of epoch " + epoch.epoch());
      assertEquals(epoch.testAccuracy(), end.testAccuracy(), "test accuracy at the end of epoch " + epoch.epoch());
    }
    List<String> csv = Files.readAllLines(output.resolve(Trainer.STEPS_CSV));
    assertEquals("step,images,epoch,trainLoss,trainAccuracy,testLoss,testAccuracy", csv.get(0));
    assertEquals(1 + steps.size(), csv.size());
    assertTrue(csv.get(3).startsWith("8,512,1,"), csv.get(3));
  }

  @Test
  void withoutAnInterval_noPointsAndNoStepsFile(@TempDir Path output) throws IOException {
    TrainingResult result = run(1, 0, output, false);
    assertTrue(result.history().steps().isEmpty());
    assertFalse(Files.exists(output.resolve(Trainer.STEPS_CSV)));
  }

  /**
   * Every step its own point: each point's training loss is then that one step's loss, and the epoch's mean is
   * their mean. Both are sums of the same doubles in the same order, so they agree to rounding of one division.
   */
  @Test
  void everyStep_epochMeansAreTheMeansOfThePoints(@TempDir Path output) throws IOException {
    TrainingResult result = run(1, 1, output, false);
    List<StepRecord> steps = result.history().steps();
    EpochRecord epoch = result.history().epochs().get(0);
    assertEquals(IMAGES / BATCH, steps.size());
    double loss = steps.stream().mapToDouble(StepRecord::trainLoss).sum() / steps.size();
    double correct = steps.stream().mapToDouble(s -> s.trainAccuracy() * BATCH).sum();
    assertEquals(epoch.trainLoss(), loss, 1e-12 * epoch.trainLoss(), "mean of the steps' losses");
    assertEquals(epoch.trainAccuracy(), correct / IMAGES, 1e-12, "the steps' correct answers over the images");
  }

  @Test
  void extraTestPasses_changeNothingOfTheTraining(@TempDir Path plain, @TempDir Path evaluated) throws IOException {
    float[] plainWeights;
    float[] evaluatedWeights;
    TrainingResult without;
    TrainingResult with;
    try (Model model = DropoutLeNetModel.create(device, MODEL_SEED)) {
      without = trainer(model, 2, 0, plain, false).fit(train(), test());
      plainWeights = model.parameters();
    }
    try (Model model = DropoutLeNetModel.create(device, MODEL_SEED)) {
      with = trainer(model, 2, 2, evaluated, false).fit(train(), test());
      evaluatedWeights = model.parameters();
    }
    assertSameBits("weights after 2 epochs", plainWeights, evaluatedWeights);
    assertSameMetrics(without.history().epochs(), with.history().epochs());
  }

  @Test
  void resumedRun_hasThePointsOfAnUninterruptedOne(@TempDir Path straight, @TempDir Path stopped)
      throws IOException {
    TrainingResult uninterrupted = run(2, 3, straight, false);
    run(1, 3, stopped, false);
    TrainingResult resumed = run(2, 3, stopped, true);

    assertEquals(1, resumed.resumedFrom());
    assertEquals(uninterrupted.history().steps(), resumed.history().steps());
    assertEquals(Files.readString(straight.resolve(Trainer.STEPS_CSV)),
        Files.readString(stopped.resolve(Trainer.STEPS_CSV)), "steps.csv holds no clock values: same text");
  }

  private static TrainingResult run(int epochs, int evaluateEvery, Path output, boolean resume) throws IOException {
    try (Model model = DropoutLeNetModel.create(device, MODEL_SEED)) {
      return trainer(model, epochs, evaluateEvery, output, resume).fit(train(), test());
    }
  }

  private static Trainer trainer(Model model, int epochs, int evaluateEvery, Path output, boolean resume) {
    return Trainer.builder(model).optimizer(OptimizerKind.ADAM).epochs(epochs).evaluateEvery(evaluateEvery)
        .output(output).resume(resume).progress(TrainingProgress.silent()).build();
  }

  private static BatchLoader train() {
    return FashionSubset.train(IMAGES, BATCH, DATA_SEED);
  }

  private static BatchLoader test() {
    return FashionSubset.test(TEST_IMAGES, BATCH);
  }
}
