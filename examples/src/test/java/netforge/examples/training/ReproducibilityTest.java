package netforge.examples.training;

import static netforge.examples.training.SameBits.assertSameBits;
import static netforge.examples.training.SameBits.assertSameMetrics;
import static netforge.examples.training.SameBits.metrics;
import static netforge.examples.training.SameBits.sameBits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netforge.runtime.Model;
import netforge.runtime.testing.NeedsOpenCl;
import netforge.runtime.testing.OpenClDevice;
import netforge.runtime.train.EpochRecord;
import netforge.runtime.train.OptimizerKind;
import netforge.runtime.train.Trainer;
import netforge.runtime.train.TrainingProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed decides a run: initial weights and dropout masks come from the model's seed, data order from the loader's.
 * Two runs with the same seeds agree to the bit; changing either seed changes the run.
 */
@NeedsOpenCl
class ReproducibilityTest {
  private static final int IMAGES = 512;
  private static final int TEST_IMAGES = 200;
  private static final int BATCH = 64;
  private static final int EPOCHS = 2;

  @RegisterExtension static final OpenClDevice DEVICE = new OpenClDevice();

  /** What a run leaves: its metrics and its final weights, in memory and as written. */
  private record Run(List<EpochRecord> history, float[] weights, byte[] weightsFile) {}

  @Test
  void sameSeeds_giveIdenticalHistoriesAndWeights(@TempDir Path first, @TempDir Path second) throws IOException {
    Run a = train(3, 3, first);
    Run b = train(3, 3, second);

    assertSameMetrics(a.history(), b.history());
    assertSameBits("final weights", a.weights(), b.weights());
    assertArrayEquals(a.weightsFile(), b.weightsFile(), Trainer.FINAL + " must be byte-identical");
  }

  @Test
  void anotherModelSeed_givesAnotherRun(@TempDir Path first, @TempDir Path second) throws IOException {
    assertDifferent(train(3, 3, first), train(4, 3, second));
  }

  @Test
  void anotherDataSeed_givesAnotherRun(@TempDir Path first, @TempDir Path second) throws IOException {
    assertDifferent(train(3, 3, first), train(3, 4, second));
  }

  private static void assertDifferent(Run a, Run b) {
    assertFalse(sameBits(a.weights(), b.weights()), "another seed must give other final weights");
    assertNotEquals(metrics(a.history().get(0)), metrics(b.history().get(0)),
        "another seed must give another history");
  }

  private static Run train(long modelSeed, long dataSeed, Path output) throws IOException {
    try (Model model = DropoutLeNetModel.create(DEVICE.get(), modelSeed)) {
      List<EpochRecord> history = Trainer.builder(model).optimizer(OptimizerKind.ADAM).epochs(EPOCHS).output(output)
          .progress(TrainingProgress.silent())
          .fit(FashionSubset.train(IMAGES, BATCH, dataSeed), FashionSubset.test(TEST_IMAGES, BATCH))
          .history().epochs();
      return new Run(history, model.parameters(), Files.readAllBytes(output.resolve(Trainer.FINAL)));
    }
  }
}
