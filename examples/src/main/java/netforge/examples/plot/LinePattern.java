package netforge.examples.plot;

import java.awt.BasicStroke;
import java.awt.Stroke;

/**
 * How a curve's line is drawn. Curves that lie on top of each other (the SGD family near chance in a short run,
 * momentum and NAG throughout) stay visible: they are drawn in this enum's order, solid and wide beneath, then ever
 * sparser patterns on top, so the gaps of each show the ones beneath and a solid line shows at both edges.
 */
public enum LinePattern {
  SOLID(3.6f, null),
  LONG_DASH(2.6f, new float[] {20, 7}),
  DASHED(2.6f, new float[] {11, 6}),
  DASH_DOT(2.6f, new float[] {11, 5, 0.5f, 5}),
  DASH_DOT_DOT(2.6f, new float[] {11, 5, 0.5f, 5, 0.5f, 5}),
  DOTTED(3.2f, new float[] {0.5f, 6});

  private final float width;
  private final float[] dashes;

  LinePattern(float width, float[] dashes) {
    this.width = width;
    this.dashes = dashes;
  }

  /** The line's stroke; round caps turn the shortest dashes into dots. */
  public Stroke stroke() {
    return dashes == null ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
        : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10, dashes.clone(), 0);
  }
}
