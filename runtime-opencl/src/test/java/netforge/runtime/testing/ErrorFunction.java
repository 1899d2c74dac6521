package netforge.runtime.testing;

/**
 * The error function in double precision, for test oracles of GELU (Java's {@code Math} has none). Computed from
 * the series {@code erf(x) = 2 / sqrt(pi) * exp(-x^2) * sum_n 2^n x^(2n+1) / (1 * 3 * ... * (2n+1))}, whose terms
 * are all positive, so nothing cancels: the relative error is a few units of roundoff per term summed (about
 * {@code 2 x^2} terms), at most about 1e-14 for the arguments where {@code erf} still differs from 1 in double.
 */
public final class ErrorFunction {
  /** Beyond this, {@code 1 - erf(x) < 2e-17}, below half an ulp of 1. */
  private static final double SATURATES = 6;

  private ErrorFunction() {}

  public static double erf(double x) {
    if (Double.isNaN(x)) {
      return x;
    }
    double a = Math.abs(x);
    if (a >= SATURATES) {
      return Math.copySign(1, x);
    }
    double square = a * a;
    double term = a;
    double sum = a;
    for (int n = 1; term > 1e-17 * sum; n++) {
      term *= 2 * square / (2 * n + 1);
      sum += term;
    }
    return Math.copySign(2 / Math.sqrt(Math.PI) * Math.exp(-square) * sum, x);
  }

  /** The standard normal distribution function {@code Phi(x) = (1 + erf(x / sqrt 2)) / 2}. */
  public static double normalCdf(double x) {
    return 0.5 * (1 + erf(x / Math.sqrt(2)));
  }

  /** The standard normal density {@code exp(-x^2 / 2) / sqrt(2 pi)}. */
  public static double normalPdf(double x) {
    return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
  }
}
