package netforge.examples.plot;

import java.util.List;

/** How an axis maps values to positions, and which ticks it labels. */
public sealed interface Scale permits LinearScale, LogScale {
  double min();

  double max();

  /** Where {@code value} lies: 0 at {@link #min()}, 1 at {@link #max()}. */
  double fraction(double value);

  /** Ticks between {@link #min()} and {@link #max()}, in increasing order. */
  List<Tick> ticks();

  /** Whether {@code value} can be drawn on this axis at all (a logarithmic one has no place for 0 or less). */
  default boolean accepts(double value) {
    return Double.isFinite(value);
  }
}
