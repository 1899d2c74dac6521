package netforge.runtime.data;

import java.util.random.RandomGenerator;

/**
 * Turns a one-channel image into three equal channels, as {@code x.repeat(1, 3, 1, 1)} does in the tutorial's
 * Fashion-MNIST preprocessing, so grey images fit a network made for colour ones.
 */
public final class GrayscaleToRgb implements Transform {
  @Override
  public ImageShape outputShape(ImageShape input) {
    if (input.channels() != 1) {
      throw new IllegalArgumentException("GrayscaleToRgb takes a 1-channel image, not " + input);
    }
    return new ImageShape(3, input.height(), input.width());
  }

  @Override
  public FloatImage apply(FloatImage image, RandomGenerator random) {
    ImageShape out = outputShape(image.shape());
    float[] values = new float[out.size()];
    int plane = image.values().length;
    for (int c = 0; c < 3; c++) {
      System.arraycopy(image.values(), 0, values, c * plane, plane);
    }
    return new FloatImage(out, values);
  }

  @Override
  public String toString() {
    return "GrayscaleToRgb";
  }
}
