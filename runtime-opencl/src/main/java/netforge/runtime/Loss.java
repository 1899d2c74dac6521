package netforge.runtime;

/** The result of one training step's forward pass: mean cross-entropy over the batch and correct predictions. */
public record Loss(double mean, int correct, int batch) {
  public double accuracy() {
    return batch == 0 ? 0 : (double) correct / batch;
  }
}
