package netforge.runtime.data;

import java.util.random.RandomGenerator;

/**
 * torchvision's {@code RandomHorizontalFlip(p)}: mirrors the image left to right with probability {@code p}. It
 * draws one number per image whether or not it flips, so the draws after it do not depend on the outcome.
 */
public final class RandomHorizontalFlip implements Transform {
  private final double probability;

  public RandomHorizontalFlip(double probability) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("RandomHorizontalFlip needs a probability in [0, 1], not " + probability);
    }
    this.probability = probability;
  }

  /** Flips half of the images, torchvision's default. */
  public RandomHorizontalFlip() {
    this(0.5);
  }

  @Override
  public ImageShape outputShape(ImageShape input) {
    return input;
  }

  @Override
  public FloatImage apply(FloatImage image, RandomGenerator random) {
    return random.nextDouble() < probability ? flip(image) : image;
  }

  /** {@code image} mirrored left to right. */
  public static FloatImage flip(FloatImage image) {
    ImageShape shape = image.shape();
    float[] in = image.values();
    float[] out = new float[in.length];
    int width = shape.width();
    for (int row = 0; row < shape.channels() * shape.height(); row++) {
      int start = row * width;
      for (int x = 0; x < width; x++) {
        out[start + x] = in[start + width - 1 - x];
      }
    }
    return new FloatImage(shape, out);
  }

  @Override
  public String toString() {
    return "RandomHorizontalFlip(p=" + probability + ")";
  }
}
