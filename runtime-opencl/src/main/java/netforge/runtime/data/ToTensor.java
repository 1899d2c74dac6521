package netforge.runtime.data;

/**
 * torchvision's {@code ToTensor} on uint8 data: each byte {@code v} becomes {@code v / 255f}, in [0, 1]. It is the
 * step from stored bytes to floats, so it is the start of every {@link TransformPipeline} rather than a
 * {@link Transform} itself.
 */
public final class ToTensor {
  private ToTensor() {}

  /** Image {@code index} of {@code images}, as floats in [0, 1]. */
  public static FloatImage of(ImageSet images, int index) {
    return of(images.pixels(), index * images.imageBytes(), images.shape());
  }

  /** The {@code shape.size()} bytes of {@code pixels} from {@code offset}, as floats in [0, 1]. */
  public static FloatImage of(byte[] pixels, int offset, ImageShape shape) {
    float[] values = new float[shape.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (pixels[offset + i] & 0xFF) / 255f; // a float division, as torch's img.float().div(255)
    }
    return new FloatImage(shape, values);
  }
}
