package netforge.examples.plot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A linear axis from {@code min} to {@code max} with 4 to 8 ticks at round steps (1, 2, 2.5 or 5 times a power of
 * ten), labelled by {@code format}, or with as many decimals as the step needs.
 */
public record LinearScale(double min, double max, DoubleFunction<String> format) implements Scale {
  public LinearScale {
    if (!(max > min)) {
      throw new IllegalArgumentException("an axis needs max > min, was " + min + ".." + max);
    }
  }

  /** The axis over {@code low..high} with ticks labelled by their plain value. */
  public static LinearScale of(double low, double high) {
    return new LinearScale(low, high, null);
  }

  @Override
  public double fraction(double value) {
    return (value - min) / (max - min);
  }

  @Override
  public List<Tick> ticks() {
    return roundTicks(min, max, 6, format);
  }

  /** Ticks at a round step giving about {@code target} of them between {@code low} and {@code high}. */
  static List<Tick> roundTicks(double low, double high, int target, DoubleFunction<String> format) {
    double step = roundStep((high - low) / target);
    List<Tick> ticks = new ArrayList<>();
    // Integer multiples of the step, so that 0.1 * 3 does not drift to 0.30000000000000004.
    for (long i = (long) Math.ceil(low / step - 1e-9); i * step <= high + 1e-9 * step; i++) {
      double value = i * step;
      ticks.add(new Tick(value, format != null ? format.apply(value) : plain(value, step)));
    }
    return ticks;
  }

  /** The round step (1, 2, 2.5, 5 times a power of ten) nearest above {@code rough}. */
  static double roundStep(double rough) {
    double power = Math.pow(10, Math.floor(Math.log10(rough)));
    for (double mantissa : new double[] {1, 2, 2.5, 5}) {
      if (mantissa * power >= rough * (1 - 1e-9)) {
        return mantissa * power;
      }
    }
    return 10 * power;
  }

  /** {@code value} with the decimals {@code step} needs: 0.25 steps give "0.75", not "0.8". */
  static String plain(double value, double step) {
    int decimals = Math.max(0, BigDecimal.valueOf(step).stripTrailingZeros().scale());
    return new BigDecimal(value).setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString();
  }
}
