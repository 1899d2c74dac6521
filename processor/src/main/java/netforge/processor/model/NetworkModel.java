package netforge.processor.model;

import java.util.List;

/** A parsed {@code @Network}: pure data, no {@code javax.lang.model}, so every rule can be tested without javac. */
public record NetworkModel(String name, int channels, int height, int width, int classes, List<LayerModel> layers) {
  public NetworkModel {
    layers = List.copyOf(layers);
  }

  /**
   * The input shape, or {@link Shape#ERROR} when a dimension is not positive or one image has more than
   * {@link ShapeRules#MAX_ELEMENTS} elements (both reported by a check).
   */
  public Shape input() {
    return channels >= 1 && height >= 1 && width >= 1 && inputElements() <= ShapeRules.MAX_ELEMENTS
        ? Shape.spatial(channels, height, width) : Shape.ERROR;
  }

  /** Elements of one input image, {@code channels * height * width}, without overflow. */
  public long inputElements() {
    return ShapeRules.product(channels, height, width);
  }
}
