package netforge.runtime.data;

import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * {@link ToTensor} followed by a list of {@link Transform}s, like torchvision's {@code Compose}: how a stored image
 * becomes a network input.
 */
public final class TransformPipeline {
  private final List<Transform> steps;

  public TransformPipeline(List<Transform> steps) {
    this.steps = List.copyOf(steps);
  }

  public static TransformPipeline of(Transform... steps) {
    return new TransformPipeline(List.of(steps));
  }

  public List<Transform> steps() {
    return steps;
  }

  /**
   * The shape of what this pipeline makes of an image of shape {@code input}.
   *
   * @throws IllegalArgumentException if a step cannot take what the step before it gives
   */
  public ImageShape outputShape(ImageShape input) {
    ImageShape shape = input;
    for (Transform step : steps) {
      shape = step.outputShape(shape);
    }
    return shape;
  }

  /** Image {@code index} of {@code images}, converted and transformed, drawing any randomness from {@code random}. */
  public FloatImage apply(ImageSet images, int index, RandomGenerator random) {
    return apply(ToTensor.of(images, index), random);
  }

  /** {@code image} transformed by every step in turn. */
  public FloatImage apply(FloatImage image, RandomGenerator random) {
    FloatImage result = image;
    for (Transform step : steps) {
      result = step.apply(result, random);
    }
    return result;
  }

  @Override
  public String toString() {
    return "ToTensor" + steps.stream().map(step -> " -> " + step).collect(Collectors.joining());
  }
}
