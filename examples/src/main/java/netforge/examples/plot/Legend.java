package netforge.examples.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Line2D;
import java.util.List;

/** The one legend of a figure: a row of line samples with their markers and the optimizers' names. */
public final class Legend {
  private static final int SAMPLE = 46;
  private static final int GAP = 8;
  private static final int SPACING = 30;
  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 16);

  private final List<OptimizerStyle> styles;

  public Legend(List<OptimizerStyle> styles) {
    this.styles = List.copyOf(styles);
  }

  /** Draws the row centred in {@code area}. */
  public void paint(Graphics2D g, Rectangle area) {
    g.setFont(FONT);
    FontMetrics metrics = g.getFontMetrics();
    int width = 0;
    for (OptimizerStyle style : styles) {
      width += SAMPLE + GAP + metrics.stringWidth(style.label()) + SPACING;
    }
    double x = area.x + (area.width - (width - SPACING)) / 2.0;
    double middle = area.y + area.height / 2.0;
    for (OptimizerStyle style : styles) {
      g.setColor(style.color());
      g.setStroke(style.line().stroke());
      g.draw(new Line2D.Double(x, middle, x + SAMPLE, middle));
      marker(g, style, x + SAMPLE / 2.0, middle);
      g.setColor(CurvePanel.TEXT);
      g.drawString(style.label(), (float) (x + SAMPLE + GAP), (float) (middle + metrics.getAscent() / 2.0 - 2));
      x += SAMPLE + GAP + metrics.stringWidth(style.label()) + SPACING;
    }
  }

  /** The style's marker, filled, with a white rim that lifts it off the lines beneath. */
  static void marker(Graphics2D g, OptimizerStyle style, double x, double y) {
    var shape = style.marker().at(x, y, CurvePanel.MARKER_SIZE);
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(shape);
    g.setColor(style.color());
    g.fill(shape);
  }
}
