package netforge.runtime.data;

import java.util.random.RandomGenerator;

/**
 * Bilinear resizing that averages every source pixel under an output pixel when it shrinks: Pillow's
 * {@code Image.resize(size, BILINEAR)}, which torchvision's {@code Resize} applies to PIL images and torch's
 * {@code interpolate(mode="bilinear", antialias=True)} reproduces. It is what a folder of photos needs: shrinking a
 * 500x375 picture to 32x32 with plain {@link Resize} reads 4 of every 180 source pixels and aliases, this one reads
 * them all.
 *
 * <p>Along each axis, output pixel {@code o} of a resize from {@code in} to {@code out} pixels is centred on source
 * position {@code c = (o + 0.5) * s}, {@code s = in / out}; source pixel {@code i} gets the weight
 * {@code max(0, 1 - |i + 0.5 - c| / max(s, 1))} (a triangle as wide as the output pixel when shrinking, the plain
 * bilinear triangle when enlarging), and the weights of an output pixel are scaled to sum to 1. The rows are resized
 * first, then the columns, in double precision; Pillow rounds 8-bit images to integers between the two passes, so
 * on those the two can differ by one step in 255.
 */
public final class AntialiasedResize implements Transform {
  private final int height;
  private final int width;

  public AntialiasedResize(int height, int width) {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException("AntialiasedResize needs a size of at least 1x1, not " + height + "x"
          + width);
    }
    this.height = height;
    this.width = width;
  }

  @Override
  public ImageShape outputShape(ImageShape input) {
    return new ImageShape(input.channels(), height, width);
  }

  @Override
  public FloatImage apply(FloatImage image, RandomGenerator random) {
    ImageShape in = image.shape();
    Weights columns = new Weights(in.width(), width);
    Weights rows = new Weights(in.height(), height);
    float[] src = image.values();
    // Along the width first: in.height rows of the output's width, per channel.
    double[] narrowed = new double[in.channels() * in.height() * width];
    for (int row = 0; row < in.channels() * in.height(); row++) {
      int from = row * in.width();
      for (int x = 0; x < width; x++) {
        double sum = 0;
        for (int k = 0; k < columns.count[x]; k++) {
          sum += columns.weight[x][k] * src[from + columns.first[x] + k];
        }
        narrowed[row * width + x] = sum;
      }
    }
    float[] out = new float[in.channels() * height * width];
    for (int c = 0; c < in.channels(); c++) {
      int plane = c * in.height() * width;
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          double sum = 0;
          for (int k = 0; k < rows.count[y]; k++) {
            sum += rows.weight[y][k] * narrowed[plane + (rows.first[y] + k) * width + x];
          }
          out[(c * height + y) * width + x] = (float) sum;
        }
      }
    }
    return new FloatImage(outputShape(in), out);
  }

  /** For each output position along one axis: the first source position it reads, how many, and their weights. */
  private static final class Weights {
    final int[] first;
    final int[] count;
    final double[][] weight;

    Weights(int inputSize, int outputSize) {
      first = new int[outputSize];
      count = new int[outputSize];
      weight = new double[outputSize][];
      double scale = (double) inputSize / outputSize;
      double spread = Math.max(scale, 1); // how far the triangle reaches, in source pixels
      for (int o = 0; o < outputSize; o++) {
        double centre = (o + 0.5) * scale;
        // The source pixels whose centres lie within the triangle's reach (Pillow's window, with its rounding).
        int from = Math.max(0, (int) Math.floor(centre - spread + 0.5));
        int to = Math.min(inputSize, (int) Math.floor(centre + spread + 0.5));
        double[] w = new double[Math.max(0, to - from)];
        double total = 0;
        for (int k = 0; k < w.length; k++) {
          w[k] = Math.max(0, 1 - Math.abs(from + k + 0.5 - centre) / spread);
          total += w[k];
        }
        for (int k = 0; k < w.length; k++) {
          w[k] /= total;
        }
        first[o] = from;
        count[o] = w.length;
        weight[o] = w;
      }
    }
  }

  @Override
  public String toString() {
    return "AntialiasedResize(" + height + "x" + width + ", bilinear)";
  }
}
