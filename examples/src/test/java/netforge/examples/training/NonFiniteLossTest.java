package netforge.examples.training;

import static netforge.examples.training.SameBits.assertSameBits;
import static netforge.examples.training.SameBits.assertSameMetrics;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netforge.examples.lenet.LeNet5Model;
import netforge.runtime.Model;
import netforge.runtime.data.BatchLoader;
import netforge.runtime.io.Safetensors;
import netforge.runtime.testing.NeedsOpenCl;
import netforge.runtime.testing.OpenClDevice;
import netforge.runtime.train.Checkpoint;
import netforge.runtime.train.EpochRecord;
import netforge.runtime.train.History;
import netforge.runtime.train.LrSchedule;
import netforge.runtime.train.NonFiniteLossException;
import netforge.runtime.train.OptimizerConfig;
import netforge.runtime.train.OptimizerKind;
import netforge.runtime.train.SavedWeights;
import netforge.runtime.train.Trainer;
import netforge.runtime.train.TrainingProgress;
import netforge.runtime.train.TrainingResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learning rate that overflows stops the run with a message saying where, and what was kept: the checkpoint of
 * the last good epoch, loadable, finite, and resumable.
 */
@NeedsOpenCl
class NonFiniteLossTest {
  private static final int IMAGES = 512;
  private static final int TEST_IMAGES = 200;
  private static final int BATCH = 64;
  private static final long SEED = 21;
  /** Plain SGD at the tutorial's rate: a good first epoch. */
  private static final double GOOD_LR = 0.01;
  /**
   * From the second epoch on: 0.01 x 1e12 = 1e10. One SGD step moves each weight by 1e10 times its gradient, so
   * the next forward pass overflows fp32 (max 3.4e38) within LeNet-5's five layers.
   */
  private static final double BLOW_UP_FACTOR = 1e12;

  @RegisterExtension static final OpenClDevice DEVICE = new OpenClDevice();

  /*
   * Resuming with another learning rate is refused (the optimizer's settings are part of the run), so the huge rate
   * comes from a schedule: lr 0.01 in epoch 1, 1e10 from epoch 2 on, one run.
   */
  @Test
  void overflowInEpoch2_stopsNamingWhereAndKeepsEpoch1(@TempDir Path output, @TempDir Path reference)
      throws IOException {
    NonFiniteLossException e;
    LrSchedule blowingUp = LrSchedule.stepDecay(GOOD_LR, 1, BLOW_UP_FACTOR);
    try (Model model = LeNet5Model.create(DEVICE.get(), SEED)) {
      Trainer trainer = sgd(model, 3, output, blowingUp);
      e = assertThrows(NonFiniteLossException.class, () -> trainer.fit(train(), test()));
    }
    String message = e.getMessage();
    Matcher where = Pattern.compile("at epoch (\\d+), step (\\d+) of the epoch").matcher(message);
    assertTrue(where.find(), message);
    assertEquals("2", where.group(1), "the epoch: " + message);
    assertTrue(Integer.parseInt(where.group(2)) >= 1, message);
    assertTrue(message.matches("(?s).*(parameter \\w+\\.\\w+ holds NaN or infinity|the gradient of \\w+\\.\\w+ "
        + "holds|the output of \\w+ \\(stage \\d+\\) is the first activation|the loss itself overflowed).*"),
        "the message must say where values went non-finite: " + message);
    assertTrue(message.contains(output.resolve(Trainer.CHECKPOINT) + " (after epoch 1)"), message);
    assertTrue(message.contains("it was " + blowingUp.lr(1, 0) + " at that step"),
        "the message names the rate that overflowed, not only the base rate: " + message);

    Checkpoint kept = Checkpoint.read(output.resolve(Trainer.CHECKPOINT), LeNet5Model.SPEC);
    assertEquals(1, kept.epoch());
    assertAllFinite("checkpoint weights", kept.parameters());
    kept.optimizerState().forEach((name, values) -> assertAllFinite("optimizer " + name, values));
    assertAllFinite(Trainer.BEST, Safetensors.load(output.resolve(Trainer.BEST), LeNet5Model.SPEC));
    assertFalse(Files.exists(output.resolve(Trainer.FINAL)), "a failed run writes no final weights");

    // The kept epoch is exactly what a run of one good epoch ends with, and both history files hold it alone.
    float[] goodEpoch;
    List<EpochRecord> goodHistory;
    try (Model model = LeNet5Model.create(DEVICE.get(), SEED)) {
      goodHistory = sgd(model, 1, reference, LrSchedule.constant(GOOD_LR)).fit(train(), test()).history().epochs();
      goodEpoch = model.parameters();
    }
    assertSameBits("checkpoint weights vs one good epoch", goodEpoch, kept.parameters());
    assertSameMetrics(goodHistory, kept.history());
    assertSameMetrics(goodHistory, History.readJson(output.resolve(Trainer.HISTORY_JSON)).epochs());
    List<String> csv = Files.readAllLines(output.resolve(Trainer.HISTORY_CSV));
    assertEquals(2, csv.size(), "header and epoch 1: " + csv);
    assertTrue(csv.get(1).startsWith("1,"), csv.get(1));

    // And --resume continues from it, with a sane rate.
    try (Model model = LeNet5Model.create(DEVICE.get(), SEED)) {
      TrainingResult resumed = sgd(model, 2, output, LrSchedule.constant(GOOD_LR)).fit(train(), test());
      assertEquals(1, resumed.resumedFrom());
      assertTrue(Double.isFinite(resumed.history().last().trainLoss()), "epoch 2 after resuming");
    }
  }

  @Test
  void overflowInEpoch1_saysNoCheckpointWasWritten(@TempDir Path output) throws IOException {
    try (Model model = LeNet5Model.create(DEVICE.get(), SEED)) {
      Trainer trainer = sgd(model, 1, output, LrSchedule.constant(GOOD_LR * BLOW_UP_FACTOR));
      NonFiniteLossException e = assertThrows(NonFiniteLossException.class, () -> trainer.fit(train(), test()));
      assertTrue(e.getMessage().contains("at epoch 1"), e.getMessage());
      assertTrue(e.getMessage().contains("no checkpoint was written before it"), e.getMessage());
    }
    assertFalse(Files.exists(output.resolve(Trainer.CHECKPOINT)));
  }

  /** Without weights on disk in a later epoch, the message neither points at a checkpoint nor blames epoch 1. */
  @Test
  void overflowInEpoch2_withoutSavedWeights_saysSo(@TempDir Path output) throws IOException {
    try (Model model = LeNet5Model.create(DEVICE.get(), SEED)) {
      Trainer trainer = Trainer.builder(model).optimizer(OptimizerConfig.defaults(OptimizerKind.SGD).withLr(GOOD_LR))
          .schedule(LrSchedule.stepDecay(GOOD_LR, 1, BLOW_UP_FACTOR)).epochs(2).output(output).save(SavedWeights.NONE)
          .progress(TrainingProgress.silent()).build();
      NonFiniteLossException e = assertThrows(NonFiniteLossException.class, () -> trainer.fit(train(), test()));
      assertTrue(e.getMessage().contains("at epoch 2"), e.getMessage());
      assertTrue(e.getMessage().contains("no checkpoint was written (this run saves no weights)"), e.getMessage());
      assertFalse(e.getMessage().contains("first epoch"), e.getMessage());
    }
  }

  private static Trainer sgd(Model model, int epochs, Path output, LrSchedule schedule) {
    return Trainer.builder(model).optimizer(OptimizerConfig.defaults(OptimizerKind.SGD).withLr(GOOD_LR))
        .schedule(schedule).epochs(epochs).output(output).resume(true).progress(TrainingProgress.silent()).build();
  }

  private static void assertAllFinite(String what, float[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new AssertionError(what + ": value " + i + " is " + values[i]);
      }
    }
  }

  private static BatchLoader train() {
    return FashionSubset.train(IMAGES, BATCH, SEED);
  }

  private static BatchLoader test() {
    return FashionSubset.test(TEST_IMAGES, BATCH);
  }
}
