package netforge.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AntialiasedResizeTest {
  /**
   * The resize sums in double and rounds once to float: a value in [0, 1] is then off by at most half a float ulp
   * of 1; the reference sums in another order, which changes the double only in its last bits.
   */
  private static final double ONE_FLOAT_ROUNDING = Math.ulp(1f);

  @Test
  void halving_averagesUnderATriangleTwoPixelsWide() {
    FloatImage row = new FloatImage(new ImageShape(1, 1, 4), new float[] {0, 1, 0, 1});
    float[] out = new AntialiasedResize(1, 2).apply(row, new SplittableRandom(0)).values();
    // Output 0 is centred on 1.0: source weights 3/7, 3/7, 1/7, 0; output 1 on 3.0: 0, 1/7, 3/7, 3/7.
    assertArrayEquals(new float[] {3f / 7, 4f / 7}, out, 1e-7f);
  }

  @Test
  void sameSize_isTheImage() {
    float[] values = random(2 * 5 * 3, 1);
    FloatImage image = new FloatImage(new ImageShape(2, 5, 3), values);
    assertArrayEquals(values, new AntialiasedResize(5, 3).apply(image, new SplittableRandom(0)).values());
  }

  @ParameterizedTest
  @CsvSource({"13, 9, 5, 4", "3, 2, 7, 5", "31, 7, 4, 11", "1, 1, 3, 2", "500, 37, 32, 32"})
  void matchesTheTriangleFilterComputedDirectly(int inHeight, int inWidth, int outHeight, int outWidth) {
    ImageShape in = new ImageShape(3, inHeight, inWidth);
    float[] values = random(in.size(), inHeight * 31L + inWidth);
    float[] out = new AntialiasedResize(outHeight, outWidth).apply(new FloatImage(in, values),
        new SplittableRandom(0)).values();
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < outHeight; y++) {
        for (int x = 0; x < outWidth; x++) {
          assertEquals(reference(values, in, c, y, outHeight, x, outWidth), out[(c * outHeight + y) * outWidth + x],
              ONE_FLOAT_ROUNDING, "channel " + c + " at " + y + "," + x);
        }
      }
    }
  }

  /** One output value from the definition: every source pixel, its two triangle weights, normalised, in 2-D. */
  private static double reference(float[] values, ImageShape in, int c, int y, int outHeight, int x, int outWidth) {
    double sum = 0;
    double weights = 0;
    for (int i = 0; i < in.height(); i++) {
      for (int j = 0; j < in.width(); j++) {
        double w = triangle(i, y, in.height(), outHeight) * triangle(j, x, in.width(), outWidth);
        sum += w * values[(c * in.height() + i) * in.width() + j];
        weights += w;
      }
    }
    return sum / weights;
  }

  private static double triangle(int source, int output, int inSize, int outSize) {
    double scale = (double) inSize / outSize;
    double reach = Math.max(scale, 1);
    return Math.max(0, 1 - Math.abs(source + 0.5 - (output + 0.5) * scale) / reach);
  }

  private static float[] random(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[count];
    for (int i = 0; i < count; i++) {
      values[i] = (float) random.nextDouble();
    }
    return values;
  }
}
