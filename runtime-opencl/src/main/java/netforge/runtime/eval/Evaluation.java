package netforge.runtime.eval;

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
  /**
   * Runs {@code model} on every image {@code test} loads (one epoch, in its order), the classes named as its images'.
   *
   * @throws IllegalArgumentException if the loader's images have another number of classes than the network outputs
   * @throws netforge.runtime.data.InputShapeMismatchException if its inputs are not what the network takes
   */
  public static Evaluation run(Model model, BatchLoader test) {
    int classes = model.spec().classes();
    List<String> classNames = test.images().classNames();
    if (classNames.size() != classes) {
      throw new IllegalArgumentException(test.images().name() + " has " + classNames.size() + " classes but "
          + model.spec().name() + " outputs " + classes + ": its outputs cannot be read as those classes");
    }
    test.requireInputOf(model.spec());
    long[][] counts = new long[classes][classes];
    double lossSum = 0;
    long images = 0;
    long start = System.nanoTime();
    try (EpochBatches batches = test.epoch(0)) {
      while (batches.hasNext()) {
        Batch batch = batches.next();
        float[] logits = model.forward(batch.inputs(), batch.count());
        for (int n = 0; n < batch.count(); n++) {
          int label = batch.labels()[n];
          counts[label][Logits.argmax(logits, n, classes)]++;
          lossSum += Logits.crossEntropy(logits, n, classes, label);
          images++;
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Evaluation(new ConfusionMatrix(classNames, counts), images == 0 ? 0 : lossSum / images, seconds);
  }

  /** The fraction of images predicted right. */
  public double accuracy() {
    return matrix.accuracy();
  }

  /** Each class's images, correct predictions and accuracy, in label order. */
  public List<ClassAccuracy> perClass() {
    return matrix.perClass();
  }
}
