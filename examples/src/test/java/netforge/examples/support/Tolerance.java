package netforge.examples.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

/**
 * Named tolerances for comparing fp32 device results with the double-precision reference, and the comparison.
 * A tensor matches when {@code max|actual - expected| <= relative * max|expected| + absolute}: errors are measured
 * against the tensor's scale, because fp32 rounding error in a sum of K products grows with the magnitude of the
 * terms, not of the (possibly tiny) individual result.
 */
public enum Tolerance {
  /**
   * Forward values (logits, loss). fp32 has a unit roundoff of 6e-8; a dot product of K <= 9,216 terms accumulated
   * in fp32 has a typical relative error near sqrt(K) * 6e-8 = 6e-6 (worst case K * 6e-8 = 5.5e-4, never seen with
   * random signs). Measured on PoCL: at most 4e-6 of the scale, for the classic AlexNet's logits. 5e-5 leaves a
   * margin of 10 for other drivers' FMA contraction and summation orders.
   */
  FORWARD(5e-5, 1e-7),
  /**
   * Gradients: forward and backward errors through every layer plus sums over the batch and over chunks in the
   * weight gradient. Measured on PoCL: at most 3.5e-6 of the scale (the classic AlexNet's fc6.weight). 1e-4 leaves
   * a margin of about 30.
   */
  GRADIENT(1e-4, 1e-8);

  private final double relative;
  private final double absolute;

  Tolerance(double relative, double absolute) {
    this.relative = relative;
    this.absolute = absolute;
  }

  /** The largest difference as a fraction of the expected tensor's scale. */
  public static double scaledError(float[] actual, double[] expected, int from, int to) {
    double scale = 0;
    double error = 0;
    for (int i = from; i < to; i++) {
      scale = Math.max(scale, Math.abs(expected[i]));
      error = Math.max(error, Math.abs(actual[i] - expected[i]));
    }
    return error / Math.max(scale, Double.MIN_NORMAL);
  }

  public void assertClose(String what, float[] actual, double[] expected, int from, int to) {
    double scale = 0;
    double error = 0;
    int worst = from;
    for (int i = from; i < to; i++) {
      scale = Math.max(scale, Math.abs(expected[i]));
      double e = Math.abs(actual[i] - expected[i]);
      if (e > error || Double.isNaN(e)) {
        error = e;
        worst = i;
      }
    }
    double allowed = relative * scale + absolute;
    int at = worst;
    double err = error;
    double sc = scale;
    assertTrue(err <= allowed, () -> String.format(Locale.ROOT,
        "%s: max |actual - expected| = %.3g at %d (actual %.9g, expected %.9g) exceeds %s = %.3g (scale %.3g)",
        what, err, at - from, actual[at], expected[at], name(), allowed, sc));
  }

  public void assertClose(String what, float[] actual, double[] expected) {
    assertClose(what, actual, expected, 0, expected.length);
  }
}
