package netforge.runtime.data;

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

  /** Values in one image: channels x height x width. */
  public int size() {
    return channels * height * width;
  }

  @Override
  public String toString() {
    return channels + "x" + height + "x" + width;
  }
}
