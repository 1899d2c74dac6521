package netforge.runtime.train;

/**
 * A point of a run's learning curve by training steps, written when the run evaluates every N steps
 * ({@link Trainer.Builder#evaluateEvery}): a short run then shows the shape of its curves, not two points.
 *
 * @param step training steps of this run so far, counted from its first epoch's first step
 * @param images training images seen so far
 * @param epoch 1-based epoch the step belongs to
 * @param trainLoss mean loss of the steps since the previous point, as they were trained (dropout on, weights
 *     changing): a window, not the whole epoch's mean, so the curve follows the weights
 * @param trainAccuracy accuracy over the same window
 * @param testLoss on the whole test loader, in evaluation mode, after the step
 * @param testAccuracy likewise
 */
public record StepRecord(int step, long images, int epoch, double trainLoss, double trainAccuracy, double testLoss,
    double testAccuracy) {}
