package netforge.runtime;

/**
 * What a network's logits mean, computed on the host in double: the most likely class, softmax probabilities and
 * the cross-entropy of a label. Double precision, so that a probability of 99.99% is not rounded to 100% and the
 * loss of a confident wrong answer does not overflow.
 */
public final class Logits {
  private Logits() {}

  /** The class with the largest logit in row {@code row} of {@code logits} ({@code [rows, classes]}); ties go low. */
  public static int argmax(float[] logits, int row, int classes) {
    int start = row * classes;
    int best = 0;
    for (int c = 1; c < classes; c++) {
      if (logits[start + c] > logits[start + best]) {
        best = c;
      }
    }
    return best;
  }

  /** Softmax of row {@code row}: probabilities that sum to 1. */
  public static double[] softmax(float[] logits, int row, int classes) {
    int start = row * classes;
    double max = max(logits, start, classes);
    double[] probabilities = new double[classes];
    double sum = 0;
    for (int c = 0; c < classes; c++) {
      // Shifted by the largest logit, so that exp never overflows; the shift cancels in the ratio.
      probabilities[c] = Math.exp(logits[start + c] - max);
      sum += probabilities[c];
    }
    for (int c = 0; c < classes; c++) {
      probabilities[c] /= sum;
    }
    return probabilities;
  }

  /** {@code -log softmax(row)[label]}, in nats, as {@code torch.nn.CrossEntropyLoss} computes it per image. */
  public static double crossEntropy(float[] logits, int row, int classes, int label) {
    int start = row * classes;
    double max = max(logits, start, classes);
    double sum = 0;
    for (int c = 0; c < classes; c++) {
      sum += Math.exp(logits[start + c] - max);
    }
    return max + Math.log(sum) - logits[start + label];
  }

  private static double max(float[] logits, int start, int classes) {
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < classes; c++) {
      max = Math.max(max, logits[start + c]);
    }
    return max;
  }
}
