package netforge.runtime.data;

import java.util.List;

/**
 * The tutorial's preprocessing, by name.
 *
 * <ul>
 *   <li>{@link #fashionMnistTutorial()}: resize 28 -> 32 (bilinear), grey -> 3 channels, normalise with mean 0.5
 *       and std 0.5 (values in [-1, 1]); no augmentation. Exactly what {@code fmnist_peer.py} does before training.
 *   <li>{@link #cifar10Train()}: pad 4 with zeros and crop a random 32x32 window, flip half the images, normalise
 *       with CIFAR-10's per-channel statistics.
 *   <li>{@link #cifar10Test()}: normalise only.
 * </ul>
 */
public final class TransformPresets {
  /**
   * Per-channel (R, G, B) mean of CIFAR-10's 50,000 training images, on the [0, 1] scale: every pixel of every
   * training image counted once.
   */
  public static final List<Double> CIFAR10_MEAN = List.of(0.4914, 0.4822, 0.4465);
  /**
   * Per-channel standard deviation over the same pixels. (The (0.2023, 0.1994, 0.2010) often seen with CIFAR-10 is
   * the mean of per-image standard deviations, a different quantity.)
   */
  public static final List<Double> CIFAR10_STD = List.of(0.2470, 0.2435, 0.2616);
  /** The tutorial's Fashion-MNIST normalisation: (x - 0.5) / 0.5 maps [0, 1] to [-1, 1]. */
  public static final List<Double> FASHION_MNIST_MEAN = List.of(0.5);
  public static final List<Double> FASHION_MNIST_STD = List.of(0.5);
  public static final int CIFAR10_CROP_PADDING = 4;

  private TransformPresets() {}

  public static TransformPipeline fashionMnistTutorial() {
    // fmnist_peer.py normalises the one grey channel, then repeats it; the order does not change the result.
    return TransformPipeline.of(new Resize(32, 32), new Normalize(FASHION_MNIST_MEAN, FASHION_MNIST_STD),
        new GrayscaleToRgb());
  }

  public static TransformPipeline cifar10Train() {
    return TransformPipeline.of(new RandomCrop(32, 32, CIFAR10_CROP_PADDING), new RandomHorizontalFlip(0.5),
        new Normalize(CIFAR10_MEAN, CIFAR10_STD));
  }

  public static TransformPipeline cifar10Test() {
    return TransformPipeline.of(new Normalize(CIFAR10_MEAN, CIFAR10_STD));
  }
}
