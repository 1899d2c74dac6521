package netforge.runtime.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Any decoded image as the data sets store theirs: unsigned bytes 0..255, channel after channel (CHW), either one
 * grey channel (Fashion-MNIST) or red, green and blue (CIFAR-10), at the image's own size.
 *
 * <p>The rules, so that a picture becomes what the training images were:
 * <ul>
 *   <li>Colour to grey is PIL's {@code convert('L')}: ITU-R 601-2 luma {@code L = R*299/1000 + G*587/1000 +
 *       B*114/1000}, in PIL's fixed point ({@code (R*19595 + G*38470 + B*7471 + 0x8000) >> 16}, the {@code L24}
 *       macro of Pillow's {@code libImaging/Convert.c}), which is how grey data sets are usually made from colour.
 *   <li>Grey to colour repeats the grey in all three channels.
 *   <li>Alpha is composited over black: a transparent pixel becomes black. Fashion-MNIST's garments are light on a
 *       black background, so a cut-out with a transparent background then looks like them; PIL's {@code convert}
 *       would instead drop alpha and expose whatever colour the encoder left under transparent pixels (often white
 *       or garbage).
 *   <li>More than 8 bits per sample (16-bit PNG, float TIFF) are scaled to 0..255 and rounded: the training data
 *       have 8 bits, so the network has never seen finer steps.
 *   <li>Palette images are looked up in their palette first.
 * </ul>
 *
 * <p>Grey images are read from their samples, never through {@link BufferedImage#getRGB}: Java's grey colour space
 * is linear, and {@code getRGB} gamma-encodes it to sRGB (grey 128 comes back as 188), whereas a grey PNG's
 * samples, like PIL's "L" values, are the stored numbers. Colour images are read through {@code getRGB}, which gives
 * non-premultiplied 8-bit sRGB whatever the layout or colour space.
 */
public final class DatasetPixels {
  private static final int OPAQUE = 255;

  private DatasetPixels() {}

  /**
   * {@code image} as {@code channels} (1 or 3) planes of bytes at its own size: {@code channels * height * width}
   * bytes, CHW.
   */
  public static byte[] of(BufferedImage image, int channels) {
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("data set images have 1 or 3 channels, not " + channels);
    }
    int width = image.getWidth();
    int height = image.getHeight();
    int plane = width * height;
    byte[] out = new byte[channels * plane];
    int[] rgb = new int[3];
    PixelSource source = EightBitSamples.handles(image) ? new EightBitSamples(image)
        : isGrey(image.getColorModel()) ? new GreySamples(image) : new SrgbPixels(image);
    for (int y = 0; y < height; y++) {
      source.startRow(y);
      for (int x = 0; x < width; x++) {
        source.read(x, rgb);
        int at = y * width + x;
        if (channels == 1) {
          out[at] = (byte) ((rgb[0] * 19595 + rgb[1] * 38470 + rgb[2] * 7471 + 0x8000) >> 16);
        } else {
          out[at] = (byte) rgb[0];
          out[plane + at] = (byte) rgb[1];
          out[2 * plane + at] = (byte) rgb[2];
        }
      }
    }
    return out;
  }

  /** The image's mode in words, e.g. "grey, 16-bit", "RGB with alpha, composited over black". */
  public static String describeMode(BufferedImage image) {
    ColorModel model = image.getColorModel();
    String alpha = model.hasAlpha() ? " with alpha, composited over black" : "";
    if (model instanceof IndexColorModel palette) {
      return "palette of " + palette.getMapSize() + " colours" + alpha;
    }
    int bits = model.getComponentSize(0);
    String depth = bits == 8 ? "" : ", " + bits + "-bit";
    if (isGrey(model)) {
      return "grey" + depth + alpha;
    }
    String space = model.getColorSpace().getType() == ColorSpace.TYPE_RGB ? "RGB" : "colour";
    return space + depth + alpha;
  }

  private static boolean isGrey(ColorModel model) {
    return !(model instanceof IndexColorModel) && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
  }

  /** {@code value * alpha / 255}, rounded: the value over black. */
  private static int overBlack(int value, int alpha) {
    return (value * alpha + 127) / OPAQUE;
  }

  /** Where pixels come from: one row at a time, as 8-bit R, G, B already composited over black. */
  private interface PixelSource {
    void startRow(int y);

    void read(int x, int[] rgb);
  }

  /**
   * The common case fast: 8-bit grey or sRGB samples, with straight (not premultiplied) alpha or none, as JPEG and
   * PNG files decode. The raster's samples are then exactly what {@link GreySamples} and {@link SrgbPixels} give,
   * and reading a row of them at once skips the colour model's conversion of every pixel, which took twice as long
   * as decoding a JPEG.
   */
  private static final class EightBitSamples implements PixelSource {
    private final Raster raster;
    private final int bands;
    private final boolean grey;
    private final boolean alpha;
    private final int[] row;

    EightBitSamples(BufferedImage image) {
      this.raster = image.getRaster();
      this.bands = raster.getNumBands();
      ColorModel model = image.getColorModel();
      this.grey = model.getNumColorComponents() == 1;
      this.alpha = model.hasAlpha();
      this.row = new int[image.getWidth() * bands];
    }

    static boolean handles(BufferedImage image) {
      ColorModel model = image.getColorModel();
      if (model instanceof IndexColorModel || model.isAlphaPremultiplied()
          || image.getRaster().getNumBands() != model.getNumComponents()) {
        return false;
      }
      for (int bits : model.getComponentSize()) {
        if (bits != 8) {
          return false;
        }
      }
      ColorSpace space = model.getColorSpace();
      return space.getType() == ColorSpace.TYPE_GRAY && model.getNumColorComponents() == 1
          || space.isCS_sRGB() && model.getNumColorComponents() == 3;
    }

    @Override
    public void startRow(int y) {
      raster.getPixels(0, y, row.length / bands, 1, row);
    }

    @Override
    public void read(int x, int[] rgb) {
      int at = x * bands;
      int opacity = alpha ? row[at + bands - 1] : OPAQUE;
      if (grey) {
        int value = overBlack(row[at], opacity);
        rgb[0] = value;
        rgb[1] = value;
        rgb[2] = value;
      } else {
        rgb[0] = overBlack(row[at], opacity);
        rgb[1] = overBlack(row[at + 1], opacity);
        rgb[2] = overBlack(row[at + 2], opacity);
      }
    }
  }

  /** Grey (with or without alpha) from the raster's samples, any sample type, scaled to 0..255. */
  private static final class GreySamples implements PixelSource {
    private final Raster raster;
    private final ColorModel model;
    private final int alphaIndex;
    private Object pixel;
    private float[] normalized;
    private int y;

    GreySamples(BufferedImage image) {
      this.raster = image.getRaster();
      this.model = image.getColorModel();
      this.alphaIndex = model.hasAlpha() ? model.getNumColorComponents() : -1;
    }

    @Override
    public void startRow(int y) {
      this.y = y;
    }

    @Override
    public void read(int x, int[] rgb) {
      pixel = raster.getDataElements(x, y, pixel);
      // Every sample type and depth as 0..1; premultiplied models give the grey already multiplied by alpha.
      normalized = model.getNormalizedComponents(pixel, normalized, 0);
      int grey = toByte(normalized[0]);
      if (alphaIndex >= 0 && !model.isAlphaPremultiplied()) {
        grey = overBlack(grey, toByte(normalized[alphaIndex]));
      }
      rgb[0] = grey;
      rgb[1] = grey;
      rgb[2] = grey;
    }

    private static int toByte(float unit) {
      return Math.round(Math.min(Math.max(unit, 0f), 1f) * OPAQUE);
    }
  }

  /** Colour, palette and anything else, through {@code getRGB}: non-premultiplied 8-bit sRGB, a row at a time. */
  private static final class SrgbPixels implements PixelSource {
    private final BufferedImage image;
    private final int[] row;

    SrgbPixels(BufferedImage image) {
      this.image = image;
      this.row = new int[image.getWidth()];
    }

    @Override
    public void startRow(int y) {
      image.getRGB(0, y, row.length, 1, row, 0, row.length);
    }

    @Override
    public void read(int x, int[] rgb) {
      int argb = row[x];
      int alpha = argb >>> 24;
      rgb[0] = overBlack((argb >> 16) & 0xFF, alpha);
      rgb[1] = overBlack((argb >> 8) & 0xFF, alpha);
      rgb[2] = overBlack(argb & 0xFF, alpha);
    }
  }
}
