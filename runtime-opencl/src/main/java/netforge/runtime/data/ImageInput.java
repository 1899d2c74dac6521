package netforge.runtime.data;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.Function;
import netforge.runtime.image.DatasetPixels;
import netforge.runtime.image.ImageFile;
import netforge.runtime.image.UnreadableImageException;

/**
 * Turns an image file, or any decoded picture, into one input of a network exactly as a {@link Dataset}'s test images
 * are prepared for it: first into the data set's stored form (its channels, grey or RGB, by the rules of {@link
 * DatasetPixels}; its size), then the data set's test pipeline (normalisation, grey repeated to RGB for a 3-channel
 * network). Get one from {@link Dataset#imageInput}.
 *
 * <p>So an image of the data set saved as a PNG becomes the same input, bit for bit, as the test pass gives the
 * network. A picture of another size is resized as the data set resizes its own: Fashion-MNIST and CIFAR-10 with the
 * bilinear {@link Resize} of torch's {@code interpolate} (no antialiasing: it samples a few source pixels per output
 * pixel, so thin details of a large photo can vanish), an {@link ImageFolder} as it resizes the images it loads.
 */
public final class ImageInput {
  /** The test pipeline has no random step; a fixed generator keeps that true even if one were added. */
  private static final long NO_RANDOMNESS = 0;

  private final Function<BufferedImage, FloatImage> storedForm;
  private final TransformPipeline testPipeline;
  private final ImageShape inputShape;

  /**
   * @param storedForm a picture as the data set's stored image, {@link ToTensor} applied: the shape the test pipeline
   *     starts from
   */
  ImageInput(Function<BufferedImage, FloatImage> storedForm, TransformPipeline testPipeline, ImageShape inputShape) {
    this.storedForm = storedForm;
    this.testPipeline = testPipeline;
    this.inputShape = inputShape;
  }

  /**
   * How Fashion-MNIST and CIFAR-10 take any picture: as {@code storedChannels} at the picture's own size, resized
   * by {@link Resize} to the network's height and width, then {@code testPipeline}, whose resize (if any) then maps
   * the network's size onto itself, which changes nothing.
   */
  static ImageInput resizingFirst(int storedChannels, ImageShape networkInput, TransformPipeline testPipeline) {
    Resize resize = new Resize(networkInput.height(), networkInput.width());
    return new ImageInput(image -> {
      ImageShape stored = new ImageShape(storedChannels, image.getHeight(), image.getWidth());
      FloatImage tensor = ToTensor.of(DatasetPixels.of(image, storedChannels), 0, stored);
      return stored.height() == networkInput.height() && stored.width() == networkInput.width()
          ? tensor
          : resize.apply(tensor, new SplittableRandom(NO_RANDOMNESS));
    }, testPipeline, networkInput);
  }

  /**
   * Reads {@code file} and prepares it. To see what the decoder said about a damaged file that it still read, read
   * it with {@link ImageFile#read} and {@link #prepare} its image.
   *
   * @throws UnreadableImageException naming the file and what is wrong with it
   */
  public FloatImage read(Path file) throws UnreadableImageException {
    return prepare(ImageFile.read(file).image());
  }

  /** {@code image} as a network input of {@link #inputShape()}. */
  public FloatImage prepare(BufferedImage image) {
    return testPipeline.apply(storedForm.apply(image), new SplittableRandom(NO_RANDOMNESS));
  }

  /** The shape of what {@link #prepare} returns: the network's input. */
  public ImageShape inputShape() {
    return inputShape;
  }

  @Override
  public String toString() {
    return "image input of " + inputShape + ": " + testPipeline;
  }
}
