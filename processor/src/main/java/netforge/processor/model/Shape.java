package netforge.processor.model;

/**
 * The shape of one image's activations: spatial {@code [channels, height, width]} or flat {@code [features]}.
 * {@link #ERROR} stands for "unknown because of an error upstream"; checks skip it, so one mistake is reported
 * once and not again by every layer after it.
 */
public record Shape(Kind kind, int channels, int height, int width) {

  public enum Kind { SPATIAL, FLAT, ERROR }

  public static final Shape ERROR = new Shape(Kind.ERROR, 0, 0, 0);

  public static Shape spatial(int channels, int height, int width) {
    return new Shape(Kind.SPATIAL, channels, height, width);
  }

  public static Shape flat(int features) {
    return new Shape(Kind.FLAT, features, 1, 1);
  }

  public boolean isError() {
    return kind == Kind.ERROR;
  }

  public boolean isSpatial() {
    return kind == Kind.SPATIAL;
  }

  public boolean isFlat() {
    return kind == Kind.FLAT;
  }

  /** Number of elements per image; for a flat shape, its features. Saturates at {@link Long#MAX_VALUE}. */
  public long size() {
    return ShapeRules.product(channels, height, width);
  }

  /**
   * The same elements viewed as a vector, as {@code torch.flatten} orders them; {@link #ERROR} when there are
   * more than a vector's {@code int} length can hold.
   */
  public Shape flattened() {
    return isError() || size() > Integer.MAX_VALUE ? ERROR : flat((int) size());
  }

  /** {@code [96, 55, 55]}, {@code [9216]} or {@code [?]}. */
  @Override
  public String toString() {
    return switch (kind) {
      case SPATIAL -> "[" + channels + ", " + height + ", " + width + "]";
      case FLAT -> "[" + channels + "]";
      case ERROR -> "[?]";
    };
  }

  /** {@code 55x55} for a spatial shape: the part a window slides over. */
  public String plane() {
    return height + "x" + width;
  }
}
