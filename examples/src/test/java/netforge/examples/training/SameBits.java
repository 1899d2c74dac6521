package netforge.examples.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import netforge.runtime.train.EpochRecord;

/**
 * Bit-for-bit comparisons of training results. A resumed or repeated run does the same float operations in the same
 * order, so "equal" here means identical bits, with no tolerance: any difference is a lost piece of state.
 */
final class SameBits {
  private SameBits() {}

  /** Fails unless both arrays hold the same float bit patterns, naming the first difference and how many. */
  static void assertSameBits(String what, float[] expected, float[] actual) {
    assertEquals(expected.length, actual.length, what + ": number of values");
    int first = -1;
    int differing = 0;
    for (int i = 0; i < expected.length; i++) {
      if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(actual[i])) {
        differing++;
        first = first < 0 ? i : first;
      }
    }
    if (differing > 0) {
      fail(String.format(Locale.ROOT, "%s: %,d of %,d values differ; the first at %d: %s expected, %s actual", what,
          differing, expected.length, first, expected[first], actual[first]));
    }
  }

  /** Whether the arrays hold the same float bit patterns. */
  static boolean sameBits(float[] a, float[] b) {
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i])) {
        return false;
      }
    }
    return true;
  }

  static void assertSameState(String what, Map<String, float[]> expected, Map<String, float[]> actual) {
    assertEquals(expected.keySet(), actual.keySet(), what + ": state names");
    expected.forEach((name, values) -> assertSameBits(what + " " + name, values, actual.get(name)));
  }

  /**
   * Fails unless both histories have the same epochs with the same losses, accuracies and learning rates, to the
   * bit; wall times and speeds are the clock's and are not compared.
   */
  static void assertSameMetrics(List<EpochRecord> expected, List<EpochRecord> actual) {
    assertEquals(expected.size(), actual.size(), "epochs in the history");
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(metrics(expected.get(i)), metrics(actual.get(i)), "metrics of history entry " + i);
    }
  }

  /** The deterministic part of a record, as exact text (Double.toString round-trips every bit). */
  static String metrics(EpochRecord r) {
    return "epoch " + r.epoch() + ": train loss " + r.trainLoss() + ", train accuracy " + r.trainAccuracy()
        + ", test loss " + r.testLoss() + ", test accuracy " + r.testAccuracy() + ", lr " + r.learningRate();
  }
}
