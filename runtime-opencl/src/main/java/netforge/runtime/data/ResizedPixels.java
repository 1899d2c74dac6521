package netforge.runtime.data;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import netforge.runtime.image.DatasetPixels;

/**
 * A picture of any size and mode as the bytes of one stored image of a fixed shape, the way an {@link ImageFolder}
 * stores its images and prepares a single one: converted to the shape's channels ({@link DatasetPixels}: colour to
 * grey by ITU-R 601 luma, grey repeated to RGB, alpha over black), shrunk or enlarged with {@link AntialiasedResize},
 * and rounded back to bytes, as torchvision's {@code Resize} on a PIL image gives bytes again.
 */
final class ResizedPixels {
  /** {@link AntialiasedResize} draws nothing at random. */
  private static final long NO_RANDOMNESS = 0;

  private ResizedPixels() {}

  /** {@code image} as {@code shape.size()} bytes, CHW. */
  static byte[] of(BufferedImage image, ImageShape shape) {
    byte[] own = DatasetPixels.of(image, shape.channels());
    if (image.getHeight() == shape.height() && image.getWidth() == shape.width()) {
      return own;
    }
    ImageShape ownShape = new ImageShape(shape.channels(), image.getHeight(), image.getWidth());
    float[] resized = new AntialiasedResize(shape.height(), shape.width())
        .apply(ToTensor.of(own, 0, ownShape), new SplittableRandom(NO_RANDOMNESS)).values();
    byte[] bytes = new byte[resized.length];
    for (int i = 0; i < bytes.length; i++) {
      // The weights are positive and sum to 1, so the value stays in [0, 1] up to rounding; clamp that away.
      bytes[i] = (byte) Math.round(Math.min(Math.max(resized[i] * 255f, 0f), 255f));
    }
    return bytes;
  }
}
