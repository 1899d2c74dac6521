package netforge.runtime.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetPixelsTest {
  @TempDir
  Path directory;

  @Test
  void colourToGrey_isPilsLuma() {
    // Values PIL gives for Image.new("RGB", (1, 1), colour).convert("L").
    assertEquals(76, grey(0xFFFF0000));
    assertEquals(150, grey(0xFF00FF00));
    assertEquals(29, grey(0xFF0000FF));
    assertEquals(255, grey(0xFFFFFFFF));
    assertEquals(0, grey(0xFF000000));
    assertEquals(128, grey(0xFF808080));
    // Pillow's L24 fixed point, with its rounding: neither 0.299 R + 0.587 G + 0.114 B truncated nor a float round
    assertEquals((10 * 19595 + 200 * 38470 + 30 * 7471 + 0x8000) >> 16, grey(0xFF0AC81E));
  }

  @Test
  void greyImage_keepsItsSamples_notJavasGammaEncodedRgb() {
    BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
    image.getRaster().setSample(0, 0, 0, 128);
    image.getRaster().setSample(1, 0, 0, 7);
    assertArrayEquals(new byte[] {(byte) 128, 7}, DatasetPixels.of(image, 1));
  }

  @Test
  void greyToRgb_repeatsTheGrey() {
    BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
    image.getRaster().setSample(0, 0, 0, 200);
    image.getRaster().setSample(1, 0, 0, 3);
    assertArrayEquals(new byte[] {(byte) 200, 3, (byte) 200, 3, (byte) 200, 3}, DatasetPixels.of(image, 3));
  }

  @Test
  void rgb_comesOutAsPlanes() {
    BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, 0x102030);
    image.setRGB(1, 0, 0x405060);
    assertArrayEquals(new byte[] {0x10, 0x40, 0x20, 0x50, 0x30, 0x60}, DatasetPixels.of(image, 3));
  }

  @Test
  void sixteenBitGrey_isScaledTo8Bits() {
    BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_USHORT_GRAY);
    image.getRaster().setSample(0, 0, 0, 65535);
    image.getRaster().setSample(1, 0, 0, 128 * 257);
    image.getRaster().setSample(2, 0, 0, 0);
    assertArrayEquals(new byte[] {(byte) 255, (byte) 128, 0}, DatasetPixels.of(image, 1));
  }

  @Test
  void alpha_isCompositedOverBlack() {
    BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
    image.setRGB(0, 0, 0x00FFFFFF); // transparent white: black, the Fashion-MNIST background
    image.setRGB(1, 0, 0x80FFFFFF); // half-transparent white
    image.setRGB(2, 0, 0xFFFFFFFF);
    assertArrayEquals(new byte[] {0, (byte) 128, (byte) 255}, DatasetPixels.of(image, 1));
  }

  @Test
  void palette_isLookedUp() {
    byte[] red = {(byte) 255, 0};
    byte[] green = {0, 0};
    byte[] blue = {0, (byte) 255};
    BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED,
        new IndexColorModel(8, 2, red, green, blue));
    image.getRaster().setSample(0, 0, 0, 1);
    image.getRaster().setSample(1, 0, 0, 0);
    assertArrayEquals(new byte[] {29, 76}, DatasetPixels.of(image, 1));
  }

  @Test
  void greyWithAlpha_fromPng_isCompositedOverBlack() throws IOException {
    // A grey+alpha PNG comes back from ImageIO in a grey colour space with two bands.
    BufferedImage rgba = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
    rgba.setRGB(0, 0, 0x80C8C8C8);
    rgba.setRGB(1, 0, 0xFFC8C8C8);
    java.awt.image.ComponentColorModel greyAlpha = new java.awt.image.ComponentColorModel(
        java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_GRAY), true, false,
        java.awt.Transparency.TRANSLUCENT, java.awt.image.DataBuffer.TYPE_BYTE);
    BufferedImage image = new BufferedImage(greyAlpha, greyAlpha.createCompatibleWritableRaster(2, 1), false, null);
    image.getRaster().setPixel(0, 0, new int[] {200, 128});
    image.getRaster().setPixel(1, 0, new int[] {200, 255});
    Path file = directory.resolve("grey-alpha.png");
    ImageIO.write(image, "png", file.toFile());
    BufferedImage read = ImageIO.read(file.toFile());
    assertEquals(2, read.getRaster().getNumBands());
    assertArrayEquals(new byte[] {(byte) 100, (byte) 200}, DatasetPixels.of(read, 1));
  }

  @Test
  void eightBitImages_readFromTheirSamples_areWhatEachPixelsColourGives() throws IOException {
    int[] types = {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_BGR,
        BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_BYTE_GRAY};
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    for (int type : types) {
      BufferedImage image = new BufferedImage(7, 3, type);
      for (int y = 0; y < 3; y++) {
        for (int x = 0; x < 7; x++) {
          image.setRGB(x, y, random.nextInt());
        }
      }
      // And the same pixels as ImageIO decodes them from a PNG: interleaved bytes, R G B (A) in band order.
      Path file = directory.resolve("type-" + type + ".png");
      ImageIO.write(image, "png", file.toFile());
      for (BufferedImage candidate : new BufferedImage[] {image, ImageIO.read(file.toFile())}) {
        for (int channels : new int[] {1, 3}) {
          assertArrayEquals(expected(candidate, channels), DatasetPixels.of(candidate, channels),
              "type " + type + " as " + candidate.getColorModel() + ", " + channels + " channel(s)");
        }
      }
    }
  }

  /** Pixel by pixel: grey from the raster's sample, colour from getRGB, alpha over black, luma as PIL's. */
  private static byte[] expected(BufferedImage image, int channels) {
    int plane = image.getWidth() * image.getHeight();
    byte[] out = new byte[channels * plane];
    boolean grey = image.getColorModel().getNumColorComponents() == 1;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int argb = image.getRGB(x, y);
        int alpha = image.getColorModel().hasAlpha() ? argb >>> 24 : 255;
        int[] rgb = new int[3];
        for (int c = 0; c < 3; c++) {
          int value = grey ? image.getRaster().getSample(x, y, 0) : (argb >> (16 - 8 * c)) & 0xFF;
          rgb[c] = (value * alpha + 127) / 255;
        }
        int at = y * image.getWidth() + x;
        if (channels == 1) {
          out[at] = (byte) ((rgb[0] * 19595 + rgb[1] * 38470 + rgb[2] * 7471 + 0x8000) >> 16);
        } else {
          for (int c = 0; c < 3; c++) {
            out[c * plane + at] = (byte) rgb[c];
          }
        }
      }
    }
    return out;
  }

  private static int grey(int argb) {
    BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
    image.setRGB(0, 0, argb);
    return DatasetPixels.of(image, 1)[0] & 0xFF;
  }
}
