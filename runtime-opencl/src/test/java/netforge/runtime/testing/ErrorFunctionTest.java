package netforge.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The oracle's error function against tabulated values, its symmetry, and its derivative. */
class ErrorFunctionTest {
  /** Reference values to 16 digits: C's {@code erf} (glibc), which agrees with Abramowitz and Stegun's table 7.1. */
  @ParameterizedTest(name = "erf({0}) = {1}")
  @CsvSource({
      "0, 0",
      "0.1, 0.1124629160182849",
      "0.5, 0.5204998778130465",
      "1, 0.8427007929497149",
      "2, 0.9953222650189527",
      "3, 0.9999779095030014",
      "4, 0.9999999845827421",
      "7, 1"})
  void erf_matchesTables(double x, double expected) {
    // a few units of roundoff (1.1e-16 each) from the sum and exp(-x^2)
    assertEquals(expected, ErrorFunction.erf(x), 1e-15);
    assertEquals(-expected, ErrorFunction.erf(-x), 1e-15, "erf is odd");
  }

  @Test
  void normalCdf_isTheIntegralOfTheDensity() {
    // Simpson's rule from -8 (where Phi < 1e-15) to 1.5: the density integrates to Phi
    int steps = 20_000;
    double from = -8;
    double to = 1.5;
    double h = (to - from) / steps;
    double sum = ErrorFunction.normalPdf(from) + ErrorFunction.normalPdf(to);
    for (int i = 1; i < steps; i++) {
      sum += (i % 2 == 1 ? 4 : 2) * ErrorFunction.normalPdf(from + i * h);
    }
    assertEquals(ErrorFunction.normalCdf(to), sum * h / 3, 1e-13);
    assertEquals(0.5, ErrorFunction.normalCdf(0), 0);
  }
}
