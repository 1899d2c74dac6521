package netforge.runtime.data;

import netforge.runtime.spec.NetworkSpec;

/** The shape of one image: channels, then height, then width (CHW, as PyTorch lays images out). */
public record ImageShape(int channels, int height, int width) {
  public ImageShape {
    if (channels < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException("an image needs at least 1 channel, row and column, not " + channels + "x"
          + height + "x" + width);
    }
    if ((long) channels * height * width > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("an image of " + channels + "x" + height + "x" + width
          + " values is larger than one Java array");
    }
  }

  /** The shape of {@code chw}, an array {@code [channels, height, width]}. */
  public static ImageShape of(int[] chw) {
    if (chw.length != 3) {
      throw new IllegalArgumentException("an image shape is [channels, height, width], not "
          + java.util.Arrays.toString(chw));
    }
    return new ImageShape(chw[0], chw[1], chw[2]);
  }

  /** The shape of one input of {@code network}. */
  public static ImageShape inputOf(NetworkSpec network) {
    return of(network.inputShape());
  }

  /** Values in one image: channels x height x width. */
  public int size() {
    return channels * height * width;
  }

  @Override
  public String toString() {
    return channels + "x" + height + "x" + width;
  }
}
