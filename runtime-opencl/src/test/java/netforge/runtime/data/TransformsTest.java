package netforge.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The random transforms' distributions and every transform's shape rules. */
class TransformsTest {
  private static final ImageShape GREY_28 = new ImageShape(1, 28, 28);
  private static final ImageShape CIFAR = new ImageShape(3, 32, 32);

  @Test
  void toTensor_dividesBy255() {
    FloatImage image = ToTensor.of(new byte[] {0, 1, (byte) 128, (byte) 255}, 0, new ImageShape(1, 2, 2));
    assertArrayEquals(new float[] {0f, 1 / 255f, 128 / 255f, 1f}, image.values());
  }

  @Test
  void randomCrop_reachesEveryOffsetAboutEqually() {
    // A 1x1 window over a 1x1 image padded by 1 (3x3): the window's value says which of the 9 offsets was drawn.
    RandomCrop crop = new RandomCrop(1, 1, 1);
    FloatImage one = new FloatImage(new ImageShape(1, 1, 1), new float[] {7f});
    SplittableRandom random = new SplittableRandom(42);
    int centre = 0;
    int draws = 90_000;
    for (int i = 0; i < draws; i++) {
      if (crop.apply(one, random).values()[0] == 7f) {
        centre++;
      }
    }
    assertEquals(draws / 9.0, centre, 5 * Math.sqrt(draws / 9.0 * 8 / 9), "the centre is 1 of 9 offsets");
  }

  @Test
  void randomCrop_cornersArePaddedWithZeros() {
    FloatImage image = TransformsMatchTorchTest.synthetic(new ImageShape(1, 4, 4));
    FloatImage corner = new RandomCrop(4, 4, 4).cropAt(image, 0, 0);
    assertArrayEquals(new float[16], corner.values());
    FloatImage shifted = new RandomCrop(4, 4, 1).cropAt(image, 1, 2);
    assertEquals(image.at(0, 0, 1), shifted.at(0, 0, 0));
    assertEquals(0f, shifted.at(0, 0, 3), "the right padding column");
  }

  @Test
  void randomCrop_outsideThePaddedImage_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> new RandomCrop(41, 32, 4).outputShape(CIFAR));
    assertThrows(IllegalArgumentException.class,
        () -> new RandomCrop(32, 32, 4).cropAt(new FloatImage(CIFAR, new float[CIFAR.size()]), 9, 0));
  }

  @Test
  void horizontalFlip_flipsAboutHalf() {
    FloatImage image = TransformsMatchTorchTest.synthetic(new ImageShape(2, 3, 5));
    FloatImage flipped = RandomHorizontalFlip.flip(image);
    assertEquals(image.at(1, 2, 0), flipped.at(1, 2, 4));
    RandomHorizontalFlip half = new RandomHorizontalFlip();
    SplittableRandom random = new SplittableRandom(1);
    int flips = 0;
    for (int i = 0; i < 10_000; i++) {
      if (half.apply(image, random) != image) {
        flips++;
      }
    }
    assertEquals(5_000, flips, 250);
    assertSame(image, new RandomHorizontalFlip(0).apply(image, random));
    assertArrayEquals(flipped.values(), new RandomHorizontalFlip(1).apply(image, random).values());
  }

  @Test
  void grayscaleToRgb_repeatsTheChannel() {
    FloatImage grey = TransformsMatchTorchTest.synthetic(new ImageShape(1, 2, 3));
    FloatImage rgb = new GrayscaleToRgb().apply(grey, new SplittableRandom(0));
    assertEquals(new ImageShape(3, 2, 3), rgb.shape());
    assertEquals(grey.at(0, 1, 2), rgb.at(2, 1, 2));
    assertThrows(IllegalArgumentException.class, () -> new GrayscaleToRgb().outputShape(CIFAR));
  }

  @Test
  void normalize_needsOneMeanOrOnePerChannel() {
    Normalize cifar = new Normalize(TransformPresets.CIFAR10_MEAN, TransformPresets.CIFAR10_STD);
    assertEquals(CIFAR, cifar.outputShape(CIFAR));
    assertThrows(IllegalArgumentException.class, () -> cifar.outputShape(GREY_28));
    assertThrows(IllegalArgumentException.class, () -> new Normalize(List.of(0.5), List.of(0.0)));
    assertThrows(IllegalArgumentException.class, () -> new Normalize(List.of(0.5, 0.5), List.of(0.5)));
  }

  @Test
  void presets_giveTheNetworksInputShape() {
    assertEquals(CIFAR, TransformPresets.fashionMnistTutorial().outputShape(GREY_28));
    assertEquals(CIFAR, TransformPresets.cifar10Train().outputShape(CIFAR));
    assertEquals(CIFAR, TransformPresets.cifar10Test().outputShape(CIFAR));
    assertThrows(IllegalArgumentException.class, () -> TransformPresets.cifar10Test().outputShape(GREY_28));
    assertEquals("ToTensor -> Resize(32x32, bilinear) -> Normalize(mean=[0.5], std=[0.5]) -> GrayscaleToRgb",
        TransformPresets.fashionMnistTutorial().toString());
  }

  @Test
  void fashionPreset_mapsBlackAndWhiteToMinusOneAndOne() {
    byte[] pixels = new byte[28 * 28];
    pixels[0] = (byte) 255;
    FloatImage out = TransformPresets.fashionMnistTutorial().apply(ToTensor.of(pixels, 0, GREY_28),
        new SplittableRandom(0));
    assertEquals(1f, out.at(0, 0, 0));
    assertEquals(-1f, out.at(2, 31, 31));
    for (float v : out.values()) {
      assertTrue(v >= -1f && v <= 1f);
    }
  }

  @Test
  void cifarTrainPreset_isRandomButSeeded() {
    FloatImage image = TransformsMatchTorchTest.synthetic(CIFAR);
    TransformPipeline train = TransformPresets.cifar10Train();
    float[] a = train.apply(image, new SplittableRandom(5)).values();
    float[] b = train.apply(image, new SplittableRandom(5)).values();
    assertArrayEquals(a, b);
    boolean anyDifferent = false;
    for (long seed = 0; seed < 10 && !anyDifferent; seed++) {
      anyDifferent = !java.util.Arrays.equals(a, train.apply(image, new SplittableRandom(seed)).values());
    }
    assertTrue(anyDifferent);
  }
}
