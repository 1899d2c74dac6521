package netforge.examples.cli;

import java.util.List;
import netforge.runtime.Logits;
import netforge.runtime.Model;
import netforge.runtime.data.Batch;
import netforge.runtime.data.BatchLoader;
import netforge.runtime.data.EpochBatches;

/**
 * A network's answers on a set of test images: every prediction in a confusion matrix and the mean cross-entropy.
 *
 * <p>One forward pass per batch in evaluation mode (dropout off) gives the logits; the prediction and the loss are
 * both taken from them on the host, so the loss and the matrix always describe the same pass. (The engine's own
 * {@code evaluate} returns only the loss and the number correct, not which class each image got.)
 *
 * @param matrix true against predicted class of every image
 * @param meanLoss the mean over images of the cross-entropy, in nats
 * @param seconds wall time of the passes, data preparation included
 */
public record Evaluation(ConfusionMatrix matrix, double meanLoss, double seconds) {
  public static Evaluation run(Model model, BatchLoader test, List<String> classNames) {
    int classes = model.spec().classes();
    ConfusionMatrix matrix = new ConfusionMatrix(classNames);
    double lossSum = 0;
    long start = System.nanoTime();
    try (EpochBatches batches = test.epoch(0)) {
      while (batches.hasNext()) {
        Batch batch = batches.next();
        float[] logits = model.forward(batch.inputs(), batch.count());
        for (int n = 0; n < batch.count(); n++) {
          int label = batch.labels()[n];
          matrix.add(label, Logits.argmax(logits, n, classes));
          lossSum += Logits.crossEntropy(logits, n, classes, label);
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long images = matrix.images();
    return new Evaluation(matrix, images == 0 ? 0 : lossSum / images, seconds);
  }
}
