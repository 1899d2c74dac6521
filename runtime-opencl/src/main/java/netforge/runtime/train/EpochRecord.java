package netforge.runtime.train;

/**
 * One epoch of a training run, as the tutorial reports it: training loss and accuracy averaged over the epoch's
 * batches as they were trained (so with dropout on and weights changing), then test loss and accuracy in
 * evaluation mode after the epoch.
 *
 * @param epoch 1-based
 * @param learningRate the rate of the epoch's last step
 * @param seconds wall time of the epoch, training and testing
 * @param imagesPerSecond training images per second of training time
 */
public record EpochRecord(int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
    double learningRate, double seconds, double imagesPerSecond) {}
