package netforge.runtime.data;

/**
 * One image as floats in CHW order (channel by channel, row by row), what {@link Transform}s work on. The array is
 * the image's own; a transform returns a new image rather than changing its input.
 */
public record FloatImage(ImageShape shape, float[] values) {
  public FloatImage {
    if (values.length != shape.size()) {
      throw new IllegalArgumentException("an image of " + shape + " has " + shape.size() + " values, not "
          + values.length);
    }
  }

  /** The value at channel {@code c}, row {@code y}, column {@code x}. */
  public float at(int c, int y, int x) {
    return values[(c * shape.height() + y) * shape.width() + x];
  }
}
