package netforge.examples.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A logarithmic axis from {@code min} to {@code max}, for losses that fall by orders of magnitude or blow up early.
 * Its ticks lie where the data is: powers of ten when the range spans decades; 1, 2 and 5 times them over a decade
 * or two; every digit over a narrower range; and round linear steps when even those give fewer than three ticks (a
 * loss between 2.1 and 2.4 is labelled 2.1, 2.2, 2.3, 2.4 rather than by a single "2"). Over decades, the decade of
 * the {@code typical} value (where most curves lie; an early blow-up sets the axis's top, not where the reader looks)
 * also gets 2 (and over at most 4 decades 5) times its power of ten, so that values there can be read off.
 */
public record LogScale(double min, double max, double typical) implements Scale {
  private static final double[][] MANTISSAS = {{1}, {1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}};
  private static final int ENOUGH_TICKS = 3;
  /** Over more decades than this, a decade is too short to label 2 in it; 2 lies 0.3 of a decade from 1. */
  private static final int MOST_DECADES_FOR_2 = 6;
  /** Over more decades than this, too short to label 5 as well: 5 lies 0.3 of a decade from 10. */
  private static final int MOST_DECADES_FOR_5 = 4;

  public LogScale {
    if (!(min > 0 && max > min)) {
      throw new IllegalArgumentException("a logarithmic axis needs 0 < min < max, was " + min + ".." + max);
    }
  }

  /** The axis over the data range {@code low..high}, padded by a few percent each way; no typical value. */
  public static LogScale covering(double low, double high) {
    return covering(low, high, Double.NaN);
  }

  /** The axis over {@code low..high}, with most values near {@code typical} (NaN: none in particular). */
  public static LogScale covering(double low, double high, double typical) {
    double padding = Math.pow(Math.max(high / low, 1.01), 0.06);
    return new LogScale(low / padding, high * padding, typical);
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
        return mantissas.length == 1 ? withTypicalDecade(ticks) : ticks;
      }
    }
    return LinearScale.roundTicks(min, max, 4, null);
  }

  /** Decade ticks, plus 2 and 5 in the decade of {@link #typical()} when decades are long enough to hold them. */
  private List<Tick> withTypicalDecade(List<Tick> decades) {
    double span = Math.log10(max / min);
    if (span > MOST_DECADES_FOR_2 || !(typical > 0)) {
      return decades;
    }
    int exponent = (int) Math.floor(Math.log10(typical));
    List<Tick> ticks = new ArrayList<>(decades);
    tick(2, exponent).ifPresent(ticks::add);
    if (span <= MOST_DECADES_FOR_5) {
      tick(5, exponent).ifPresent(ticks::add);
    }
    ticks.sort(java.util.Comparator.comparingDouble(Tick::value));
    return ticks;
  }

  private java.util.Optional<Tick> tick(double mantissa, int exponent) {
    // BigDecimal keeps 3 x 10^-1 exactly 0.3, for the value and the label alike.
    BigDecimal value = BigDecimal.valueOf(mantissa).scaleByPowerOfTen(exponent).round(MathContext.DECIMAL64);
    double v = value.doubleValue();
    return v >= min && v <= max ? java.util.Optional.of(new Tick(v, value.stripTrailingZeros().toPlainString()))
        : java.util.Optional.empty();
  }

  private List<Tick> powerTicks(double[] mantissas) {
    List<Tick> ticks = new ArrayList<>();
    for (int exponent = (int) Math.floor(Math.log10(min)); exponent <= (int) Math.ceil(Math.log10(max));
        exponent++) {
      for (double mantissa : mantissas) {
        tick(mantissa, exponent).ifPresent(ticks::add);
      }
    }
    return ticks;
  }
}
