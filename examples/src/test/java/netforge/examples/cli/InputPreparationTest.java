package netforge.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import netforge.runtime.data.Cifar10;
import netforge.runtime.data.FashionMnist;
import netforge.runtime.data.FloatImage;
import netforge.runtime.data.ImageSet;
import netforge.runtime.data.Split;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data set's own image saved as a file must reach the network as the same input as in the test pass. */
class InputPreparationTest {
  @TempDir
  Path directory;

  @ParameterizedTest
  @EnumSource(value = ExampleNetwork.class, names = {"LENET5", "ALEXNET_CIFAR", "ALEXNET"})
  void fashionMnistImageAsPng_isTheTestPassInput_bitForBit(ExampleNetwork network) throws Exception {
    ImageSet test = FashionMnist.bundledSubset(Split.TEST).first(5);
    int[] shape = network.spec().inputShape();
    InputPreparation preparation = new InputPreparation(DatasetChoice.FASHION_MNIST, shape);
    for (int i = 0; i < test.size(); i++) {
      BufferedImage grey = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
      grey.getRaster().setDataElements(0, 0, 28, 28, java.util.Arrays.copyOfRange(test.pixels(), i * 784,
          (i + 1) * 784));
      Path file = directory.resolve("fashion-" + i + ".png");
      ImageIO.write(grey, "png", file.toFile());
      FloatImage expected = DatasetChoice.FASHION_MNIST.pipeline(shape, false).apply(test, i, new SplittableRandom(0));
      assertArrayEquals(expected.values(), preparation.apply(ImageFile.read(file).image()).values(),
          "image " + i + " for " + network);
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
    int[] shape = ExampleNetwork.ALEXNET_CIFAR.spec().inputShape();
    FloatImage expected = DatasetChoice.CIFAR10.pipeline(shape, false).apply(set, 0, new SplittableRandom(0));
    assertArrayEquals(expected.values(),
        new InputPreparation(DatasetChoice.CIFAR10, shape).apply(ImageFile.read(file).image()).values());
  }

  @Test
  void anySize_becomesTheNetworksInput() {
    int[] shape = ExampleNetwork.ALEXNET_CIFAR.spec().inputShape();
    InputPreparation preparation = new InputPreparation(DatasetChoice.FASHION_MNIST, shape);
    for (int[] size : new int[][] {{1, 1}, {500, 37}, {37, 500}, {28, 28}}) {
      BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
      image.setRGB(0, 0, 0xFFFFFF);
      FloatImage input = preparation.apply(image);
      assertEquals(3 * 32 * 32, input.values().length);
      for (float v : input.values()) {
        assertTrue(v >= -1f && v <= 1f, "normalised with mean 0.5 and std 0.5: " + v);
      }
    }
    BufferedImage white = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    white.setRGB(0, 0, 0xFFFFFF);
    for (float v : preparation.apply(white).values()) {
      assertEquals(1f, v, "a 1x1 white image is white everywhere after resizing");
    }
  }

  @Test
  void rgbDataSet_onAOneChannelNetwork_isRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new InputPreparation(DatasetChoice.CIFAR10, ExampleNetwork.LENET5.spec().inputShape()));
    assertTrue(e.getMessage().contains("CIFAR-10"), e.getMessage());
  }
}
