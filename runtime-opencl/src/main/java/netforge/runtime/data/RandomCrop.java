package netforge.runtime.data;

import java.util.random.RandomGenerator;

/**
 * torchvision's {@code RandomCrop(size, padding)}: pads each side with {@code padding} zeros, then cuts out a
 * {@code height x width} window whose top-left corner is uniform over every position that fits (top drawn first,
 * then left, as torchvision's {@code get_params} draws them).
 */
public final class RandomCrop implements Transform {
  private final int height;
  private final int width;
  private final int padding;

  public RandomCrop(int height, int width, int padding) {
    if (height < 1 || width < 1 || padding < 0) {
      throw new IllegalArgumentException("RandomCrop needs a size of at least 1x1 and padding of at least 0, not "
          + height + "x" + width + " with padding " + padding);
    }
    this.height = height;
    this.width = width;
    this.padding = padding;
  }

  @Override
  public ImageShape outputShape(ImageShape input) {
    int paddedHeight = input.height() + 2 * padding;
    int paddedWidth = input.width() + 2 * padding;
    if (height > paddedHeight || width > paddedWidth) {
      throw new IllegalArgumentException("RandomCrop of " + height + "x" + width + " does not fit an image of "
          + input + " padded by " + padding + " (" + paddedHeight + "x" + paddedWidth + ")");
    }
    return new ImageShape(input.channels(), height, width);
  }

  @Override
  public FloatImage apply(FloatImage image, RandomGenerator random) {
    outputShape(image.shape());
    int top = random.nextInt(image.shape().height() + 2 * padding - height + 1);
    int left = random.nextInt(image.shape().width() + 2 * padding - width + 1);
    return cropAt(image, top, left);
  }

  /** The window whose top-left corner is at ({@code top}, {@code left}) of the padded image. */
  public FloatImage cropAt(FloatImage image, int top, int left) {
    ImageShape in = image.shape();
    ImageShape out = outputShape(in);
    if (top < 0 || left < 0 || top + height > in.height() + 2 * padding || left + width > in.width() + 2 * padding) {
      throw new IllegalArgumentException("a " + height + "x" + width + " window at (" + top + ", " + left
          + ") does not fit " + in + " padded by " + padding);
    }
    float[] values = new float[out.size()];
    int o = 0;
    for (int c = 0; c < in.channels(); c++) {
      for (int y = 0; y < height; y++) {
        int sourceY = top + y - padding;
        for (int x = 0; x < width; x++, o++) {
          int sourceX = left + x - padding;
          if (sourceY >= 0 && sourceY < in.height() && sourceX >= 0 && sourceX < in.width()) {
            values[o] = image.at(c, sourceY, sourceX);
          } // else the zero padding, already there
        }
      }
    }
    return new FloatImage(out, values);
  }

  @Override
  public String toString() {
    return "RandomCrop(" + height + "x" + width + ", padding=" + padding + ")";
  }
}
