package netforge.examples.plot;

import java.awt.BasicStroke;
import java.awt.Stroke;

/**
 * How a curve's line is drawn. Curves that lie on top of each other (the SGD family near chance in a short run,
 * momentum and NAG throughout) stay visible because the gaps of a dashed or dotted one show the one beneath.
 */
public enum LinePattern {
  SOLID(null),
  DASHED(new float[] {11, 6}),
  DOTTED(new float[] {0.5f, 6}),
  DASH_DOT(new float[] {11, 5, 0.5f, 5}),
  LONG_DASH(new float[] {20, 7}),
  DASH_DOT_DOT(new float[] {11, 5, 0.5f, 5, 0.5f, 5});

  private final float[] dashes;

  LinePattern(float[] dashes) {
    this.dashes = dashes;
  }

  /** The stroke of a curve {@code width} pixels wide; round caps turn the short dashes into dots. */
  public Stroke stroke(float width) {
    return dashes == null ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
        : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10, dashes.clone(), 0);
  }
}
