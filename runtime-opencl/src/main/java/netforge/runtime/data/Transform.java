package netforge.runtime.data;

import java.util.random.RandomGenerator;

/**
 * One step of preprocessing on a float CHW image, computing what the torchvision transform of the same name
 * computes. Transforms are stateless: a random one draws only from the generator it is given, so the caller decides
 * what its result depends on (the {@link BatchLoader} seeds it per image).
 */
public interface Transform {
  /**
   * The shape this transform turns an image of shape {@code input} into.
   *
   * @throws IllegalArgumentException if it cannot take such an image (e.g. 3 channels where it wants 1)
   */
  ImageShape outputShape(ImageShape input);

  /** Transforms {@code image}; a deterministic transform ignores {@code random}. */
  FloatImage apply(FloatImage image, RandomGenerator random);
}
