package netforge.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import netforge.runtime.Device;
import netforge.runtime.Loss;
import netforge.runtime.Model;
import netforge.runtime.data.Batch;
import netforge.runtime.data.BatchLoader;
import netforge.runtime.data.EpochBatches;
import netforge.runtime.data.FashionMnist;
import netforge.runtime.data.ImageSet;
import netforge.runtime.data.Split;
import netforge.runtime.eval.Evaluation;
import netforge.runtime.testing.NeedsOpenCl;
import netforge.runtime.testing.OpenCl;
import org.junit.jupiter.api.Test;

/** The host's loss and predictions from the logits agree with the engine's own evaluation on the device. */
@NeedsOpenCl
class EvaluationTest {
  @Test
  void lossAndCorrectCount_matchTheEnginesEvaluate() {
    ImageSet test = FashionMnist.bundledSubset(Split.TEST);
    int[] shape = ExampleNetwork.LENET5.spec().inputShape();
    BatchLoader loader = BatchLoader.over(test).pipeline(DatasetChoice.FASHION_MNIST.pipeline(shape, false))
        .batchSize(100).shuffle(false).limit(250).build();
    try (Device device = OpenCl.open(); Model model = ExampleNetwork.LENET5.type().create(device, 4)) {
      Evaluation evaluation = Evaluation.run(model, loader);
      double lossSum = 0;
      int correct = 0;
      try (EpochBatches batches = loader.epoch(0)) {
        while (batches.hasNext()) {
          Batch batch = batches.next();
          Loss loss = model.engine().evaluate(batch.inputs(), batch.labels());
          lossSum += loss.mean() * batch.count();
          correct += loss.correct();
        }
      }
      assertEquals(250, evaluation.matrix().images());
      assertEquals(correct, evaluation.matrix().correct());
      // The engine sums float losses; the host computes each in double from the same float logits.
      assertEquals(lossSum / 250, evaluation.meanLoss(), 1e-5);
    }
  }
}
