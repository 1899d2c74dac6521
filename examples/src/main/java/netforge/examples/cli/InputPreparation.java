package netforge.examples.cli;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import netforge.runtime.data.Cifar10;
import netforge.runtime.data.FloatImage;
import netforge.runtime.data.ImageShape;
import netforge.runtime.data.Resize;
import netforge.runtime.data.ToTensor;
import netforge.runtime.data.TransformPipeline;

/**
 * Turns any decoded image into a network input exactly as a data set's test images are prepared: first into the
 * data set's own form ({@link DatasetPixels}: grey for Fashion-MNIST, RGB for CIFAR-10, bytes), then
 * {@link ToTensor}, a bilinear {@link Resize} to the network's height and width, and the rest of
 * {@link DatasetChoice#pipeline} for test data (normalisation; grey repeated to RGB for a 3-channel network).
 *
 * <p>So a Fashion-MNIST test image saved as a PNG becomes the same input, bit for bit, as the test pass gives the
 * network. Big pictures are shrunk by the same bilinear resize as torch's {@code interpolate} without antialiasing,
 * which samples a few source pixels per output pixel: thin details of a large photo can vanish.
 */
public final class InputPreparation {
  /** The test pipeline has no random step; a fixed generator keeps that true even if one were added. */
  private static final long NO_RANDOMNESS = 0;

  private final int datasetChannels;
  private final int height;
  private final int width;
  private final TransformPipeline testPipeline;

  /**
   * @param inputShape the network's {@code [channels, height, width]}
   * @throws IllegalArgumentException if the network cannot take the data set's images (RGB into one channel)
   */
  public InputPreparation(DatasetChoice dataset, int[] inputShape) {
    this.datasetChannels = dataset == DatasetChoice.CIFAR10 ? Cifar10.CHANNELS : 1; // Fashion-MNIST is grey
    this.height = inputShape[1];
    this.width = inputShape[2];
    this.testPipeline = dataset.pipeline(inputShape, false);
  }

  public FloatImage apply(BufferedImage image) {
    ImageShape stored = new ImageShape(datasetChannels, image.getHeight(), image.getWidth());
    FloatImage tensor = ToTensor.of(DatasetPixels.of(image, datasetChannels), 0, stored);
    // The test pipeline resizes only from the data set's own size; a picture of any size is resized here, in one
    // step, and the pipeline's resize (if any) then maps the network's size onto itself, which changes nothing.
    FloatImage sized = stored.height() == height && stored.width() == width
        ? tensor
        : new Resize(height, width).apply(tensor, new SplittableRandom(NO_RANDOMNESS));
    return testPipeline.apply(sized, new SplittableRandom(NO_RANDOMNESS));
  }
}
