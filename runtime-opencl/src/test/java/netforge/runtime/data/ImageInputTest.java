package netforge.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import netforge.runtime.image.ImageFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data set's own image saved as a file must reach the network as the same input as in the test pass. */
class ImageInputTest {
  /** The inputs of LeNet-5, the tutorial's AlexNet for CIFAR-10, and the classic AlexNet. */
  private static final ImageShape LENET5 = new ImageShape(1, 28, 28);
  private static final ImageShape ALEXNET_CIFAR = new ImageShape(3, 32, 32);

  private static final Dataset FASHION_MNIST = Dataset.fashionMnist();
  private static final Dataset CIFAR10 = Dataset.cifar10();

  @TempDir
  Path directory;

  @ParameterizedTest
  @CsvSource({"1, 28, 28", "3, 32, 32", "1, 227, 227"}) // LeNet-5, AlexNet for CIFAR-10, classic AlexNet
  void fashionMnistImageAsPng_isTheTestPassInput_bitForBit(int channels, int height, int width) throws Exception {
    ImageSet test = FashionMnist.bundledSubset(Split.TEST).first(5);
    ImageShape shape = new ImageShape(channels, height, width);
    ImageInput preparation = FASHION_MNIST.imageInput(shape);
    for (int i = 0; i < test.size(); i++) {
      BufferedImage grey = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
      grey.getRaster().setDataElements(0, 0, 28, 28, java.util.Arrays.copyOfRange(test.pixels(), i * 784,
          (i + 1) * 784));
      Path file = directory.resolve("fashion-" + i + ".png");
      ImageIO.write(grey, "png", file.toFile());
      FloatImage expected = FASHION_MNIST.pipeline(shape, false).apply(test, i, new SplittableRandom(0));
      assertArrayEquals(expected.values(), preparation.read(file).values(), "image " + i + " for " + shape);
    }
  }

  @Test
  void cifarImageAsPng_isTheTestPassInput_bitForBit() throws Exception {
    byte[] pixels = new byte[Cifar10.IMAGE_BYTES];
    new SplittableRandom(3).nextBytes(pixels);
    ImageSet set = new ImageSet("synthetic CIFAR-10", 3, 32, 32, pixels, new int[] {0}, Cifar10.CLASS_NAMES, "test");
    BufferedImage rgb = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        int at = y * 32 + x;
        rgb.setRGB(x, y, (pixels[at] & 0xFF) << 16 | (pixels[1024 + at] & 0xFF) << 8 | (pixels[2048 + at] & 0xFF));
      }
    }
    Path file = directory.resolve("cifar.png");
    ImageIO.write(rgb, "png", file.toFile());
    FloatImage expected = CIFAR10.pipeline(ALEXNET_CIFAR, false).apply(set, 0, new SplittableRandom(0));
    assertArrayEquals(expected.values(), CIFAR10.imageInput(ALEXNET_CIFAR).prepare(ImageFile.read(file).image())
        .values());
  }

  @Test
  void anySize_becomesTheNetworksInput() {
    ImageInput preparation = FASHION_MNIST.imageInput(ALEXNET_CIFAR);
    for (int[] size : new int[][] {{1, 1}, {500, 37}, {37, 500}, {28, 28}}) {
      BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
      image.setRGB(0, 0, 0xFFFFFF);
      FloatImage input = preparation.prepare(image);
      assertEquals(3 * 32 * 32, input.values().length);
      for (float v : input.values()) {
        assertTrue(v >= -1f && v <= 1f, "normalised with mean 0.5 and std 0.5: " + v);
      }
    }
    BufferedImage white = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    white.setRGB(0, 0, 0xFFFFFF);
    for (float v : preparation.prepare(white).values()) {
      assertEquals(1f, v, "a 1x1 white image is white everywhere after resizing");
    }
  }

  @Test
  void rgbDataSet_onAOneChannelNetwork_isRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CIFAR10.imageInput(LENET5));
    assertTrue(e.getMessage().contains("CIFAR-10"), e.getMessage());
  }
}
