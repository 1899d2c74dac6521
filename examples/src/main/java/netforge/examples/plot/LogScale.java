package netforge.examples.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A logarithmic axis from {@code min} to {@code max}, for losses that fall by orders of magnitude or blow up early.
 * Its ticks lie where the data is: powers of ten when the range spans decades; 1, 2 and 5 times them over a decade
 * or two; every digit over a narrower range; and round linear steps when even those give fewer than three ticks (a
 * loss between 2.1 and 2.4 is labelled 2.1, 2.2, 2.3, 2.4 rather than by a single "2").
 */
public record LogScale(double min, double max) implements Scale {
  private static final double[][] MANTISSAS = {{1}, {1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}};
  private static final int ENOUGH_TICKS = 3;

  public LogScale {
    if (!(min > 0 && max > min)) {
      throw new IllegalArgumentException("a logarithmic axis needs 0 < min < max, was " + min + ".." + max);
    }
  }

  /** The axis over the data range {@code low..high}, padded by a few percent each way. */
  public static LogScale covering(double low, double high) {
    double padding = Math.pow(Math.max(high / low, 1.01), 0.06);
    return new LogScale(low / padding, high * padding);
  }

  @Override
  public double fraction(double value) {
    return Math.log(value / min) / Math.log(max / min);
  }

  @Override
  public boolean accepts(double value) {
    return value > 0 && Double.isFinite(value);
  }

  @Override
  public List<Tick> ticks() {
    for (double[] mantissas : MANTISSAS) {
      List<Tick> ticks = powerTicks(mantissas);
      if (ticks.size() >= ENOUGH_TICKS) {
        return ticks;
      }
    }
    return LinearScale.roundTicks(min, max, 4, null);
  }

  private List<Tick> powerTicks(double[] mantissas) {
    List<Tick> ticks = new ArrayList<>();
    for (int exponent = (int) Math.floor(Math.log10(min)); exponent <= (int) Math.ceil(Math.log10(max));
        exponent++) {
      for (double mantissa : mantissas) {
        // BigDecimal keeps 3 x 10^-1 exactly 0.3, for the value and the label alike.
        BigDecimal value = BigDecimal.valueOf(mantissa).scaleByPowerOfTen(exponent).round(MathContext.DECIMAL64);
        double v = value.doubleValue();
        if (v >= min && v <= max) {
          ticks.add(new Tick(v, value.stripTrailingZeros().toPlainString()));
        }
      }
    }
    return ticks;
  }
}
