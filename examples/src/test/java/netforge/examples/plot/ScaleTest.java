package netforge.examples.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Ticks a reader can use: inside the axis, near the data, at round values with plain labels. */
class ScaleTest {
  @Test
  void log_overDecades_labelsThePowersOfTen() {
    LogScale scale = LogScale.covering(0.3, 8000);
    assertEquals(List.of("1", "10", "100", "1000", "10000"), labels(scale));
  }

  /**
   * Adagrad's first loss of 150,000 sets the top; the other curves lie near 2.3, where 2 is labelled too (5 would
   * crowd 10 on an axis of five decades).
   */
  @Test
  void log_overDecades_labelsTheTypicalDecadeFinely() {
    assertEquals(List.of("2", "10", "100", "1000", "10000", "100000"), labels(LogScale.covering(2.2, 150_000, 2.3)));
    assertEquals(List.of("0.02", "0.05", "0.1", "1", "10"), labels(LogScale.covering(0.02, 50, 0.03)),
        "under 4 decades: 5 as well");
  }

  /** Over more than 6 decades a decade is too short for three labels: powers of ten only. */
  @Test
  void log_overVeryManyDecades_labelsOnlyThePowersOfTen() {
    assertEquals(List.of("0.001", "0.01", "0.1", "1", "10", "100", "1000", "10000"),
        labels(LogScale.covering(0.001, 10_000, 2.3)));
  }

  @Test
  void log_overADecadeOrTwo_labelsOneTwoFive() {
    assertEquals(List.of("0.5", "1", "2"), labels(LogScale.covering(0.45, 2.4)));
    assertEquals(List.of("0.05", "0.1", "0.2", "0.5", "1", "2"), labels(LogScale.covering(0.04, 2.3)));
  }

  @Test
  void log_overLessThanADecade_labelsEveryDigit() {
    assertEquals(List.of("0.9", "1", "2", "3", "4"), labels(LogScale.covering(0.95, 4.2)));
  }

  /** A short run's SGD loss, 2.28 to 2.31: no power of ten or digit inside, so round linear steps, on the log axis. */
  @Test
  void log_overANarrowRange_labelsRoundSteps() {
    LogScale scale = LogScale.covering(2.28, 2.31);
    List<String> labels = labels(scale);
    assertTrue(labels.size() >= 3, labels.toString());
    assertEquals(List.of("2.28", "2.29", "2.30", "2.31"), labels);
  }

  @Test
  void log_ticksAreInsideTheAxis_andTheDataFillsMostOfIt() {
    LogScale scale = LogScale.covering(0.45, 2.4);
    for (Tick tick : scale.ticks()) {
      assertTrue(tick.value() >= scale.min() && tick.value() <= scale.max(), tick.toString());
    }
    assertTrue(scale.fraction(0.45) > 0 && scale.fraction(0.45) < 0.1, "padding below the data");
    assertTrue(scale.fraction(2.4) < 1 && scale.fraction(2.4) > 0.9, "padding above the data");
    assertEquals(0.5, scale.fraction(Math.sqrt(scale.min() * scale.max())), 1e-12, "the geometric middle");
  }

  @Test
  void log_refusesZeroAndNegativeValues() {
    assertThrows(IllegalArgumentException.class, () -> new LogScale(0, 1, 0.5));
    LogScale scale = LogScale.covering(0.5, 2);
    assertTrue(!scale.accepts(0) && !scale.accepts(-1) && !scale.accepts(Double.NaN) && scale.accepts(1));
  }

  @Test
  void linear_roundSteps_withTheDecimalsTheyNeed() {
    assertEquals(List.of("0", "20", "40", "60", "80", "100"), labels(LinearScale.of(0, 100)));
    assertEquals(List.of("10", "11", "12", "13", "14", "15"), labels(LinearScale.of(9.6, 15.4)));
    assertEquals(List.of("0.00", "0.25", "0.50", "0.75", "1.00", "1.25"), labels(LinearScale.of(0, 1.4)));
  }

  private static List<String> labels(Scale scale) {
    return scale.ticks().stream().map(Tick::label).toList();
  }
}
