package netforge.examples.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.List;

/**
 * One chart of a figure: a title, axes with their ticks and labels, a light grid, dashed lines where epochs end, and
 * the curves with their markers. Without a legend: a figure draws one {@link Legend} for all its panels.
 *
 * <p>Lines are drawn in {@link LinePattern}'s order, solid ones beneath. Markers sit on every {@code markerEvery}-th
 * point only, each curve's shifted by its place in the list: with {@code markerEvery} at least the number of curves,
 * curves that coincide still show each one's marker, side by side instead of on top of each other.
 */
public final class CurvePanel {
  static final Color TEXT = new Color(0x333333);
  static final Color AXIS = new Color(0x999999);
  static final Color GRID = new Color(0xE8E8E8);
  static final Color EPOCH_LINE = new Color(0xBBBBBB);
  static final double MARKER_SIZE = 11;
  private static final int LEFT = 78;
  private static final int RIGHT = 20;
  private static final int TOP = 40;
  private static final int BOTTOM = 58;

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final Scale x;
  private final Scale y;
  private final List<Curve> curves;
  private final List<Epoch> epochs;
  private final int markerEvery;

  /** Where an epoch ends on the x axis, and its number. */
  public record Epoch(int number, double end) {}

  public CurvePanel(String title, String xLabel, String yLabel, Scale x, Scale y, List<Curve> curves,
      List<Epoch> epochs, int markerEvery) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    this.x = x;
    this.y = y;
    this.curves = List.copyOf(curves);
    this.epochs = List.copyOf(epochs);
    this.markerEvery = Math.max(1, markerEvery);
  }

  /** The rectangle the curves are drawn in, inside the panel's {@code area}. */
  public static Rectangle plotArea(Rectangle area) {
    return new Rectangle(area.x + LEFT, area.y + TOP, area.width - LEFT - RIGHT, area.height - TOP - BOTTOM);
  }

  public void paint(Graphics2D g, Rectangle area) {
    Rectangle plot = plotArea(area);
    Font tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    g.setColor(TEXT);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
    centred(g, title, plot.x + plot.width / 2.0, area.y + 26);
    paintTicks(g, plot, tickFont);
    paintEpochs(g, plot, tickFont);
    g.setColor(AXIS);
    g.setStroke(new BasicStroke(1));
    g.draw(plot);
    g.setColor(TEXT);
    g.setFont(labelFont);
    centred(g, xLabel, plot.x + plot.width / 2.0, plot.y + plot.height + 46);
    AffineTransform saved = g.getTransform();
    g.rotate(-Math.PI / 2, area.x + 18, plot.y + plot.height / 2.0);
    centred(g, yLabel, area.x + 18, plot.y + plot.height / 2.0 + 5);
    g.setTransform(saved);
    Shape clip = g.getClip();
    g.clip(new Rectangle(plot.x - 8, plot.y - 8, plot.width + 16, plot.height + 16));
    curves.stream().sorted(java.util.Comparator.comparing(c -> c.style().line())).forEach(c -> paintLine(g, plot, c));
    for (int i = 0; i < curves.size(); i++) {
      paintMarkers(g, plot, curves.get(i), i % markerEvery);
    }
    g.setClip(clip);
  }

  private void paintTicks(Graphics2D g, Rectangle plot, Font font) {
    g.setFont(font);
    FontMetrics metrics = g.getFontMetrics();
    g.setStroke(new BasicStroke(1));
    for (Tick tick : x.ticks()) {
      double px = px(plot, tick.value());
      g.setColor(GRID);
      g.draw(new Line2D.Double(px, plot.y, px, plot.y + plot.height));
      g.setColor(AXIS);
      g.draw(new Line2D.Double(px, plot.y + plot.height, px, plot.y + plot.height + 5));
      g.setColor(TEXT);
      centred(g, tick.label(), px, plot.y + plot.height + 8 + metrics.getAscent());
    }
    for (Tick tick : y.ticks()) {
      double py = py(plot, tick.value());
      g.setColor(GRID);
      g.draw(new Line2D.Double(plot.x, py, plot.x + plot.width, py));
      g.setColor(AXIS);
      g.draw(new Line2D.Double(plot.x - 5, py, plot.x, py));
      g.setColor(TEXT);
      g.drawString(tick.label(), (float) (plot.x - 8 - metrics.stringWidth(tick.label())),
          (float) (py + metrics.getAscent() / 2.0 - 2));
    }
  }

  /** A dashed line at the end of every epoch but the last, numbered while there are few enough to read. */
  private void paintEpochs(Graphics2D g, Rectangle plot, Font font) {
    g.setFont(font.deriveFont(12f));
    for (Epoch epoch : epochs) {
      double px = px(plot, epoch.end());
      if (px <= plot.x + 1 || px >= plot.x + plot.width - 1) {
        continue;
      }
      g.setColor(EPOCH_LINE);
      g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {5, 4}, 0));
      g.draw(new Line2D.Double(px, plot.y, px, plot.y + plot.height));
      if (epochs.size() <= 10) {
        g.setColor(AXIS);
        g.drawString("epoch " + (epoch.number() + 1) + " \u2192", (float) px + 4, plot.y + 14);
      }
    }
  }

  private void paintLine(Graphics2D g, Rectangle plot, Curve curve) {
    Path2D.Double path = new Path2D.Double();
    boolean drawing = false;
    for (int i = 0; i < curve.x().length; i++) {
      if (!y.accepts(curve.y()[i])) {
        drawing = false; // a gap where a value cannot be drawn, rather than a line through it
        continue;
      }
      double px = px(plot, curve.x()[i]);
      double py = py(plot, curve.y()[i]);
      if (drawing) {
        path.lineTo(px, py);
      } else {
        path.moveTo(px, py);
        drawing = true;
      }
    }
    g.setColor(curve.style().color());
    g.setStroke(curve.style().line().stroke());
    g.draw(path);
  }

  private void paintMarkers(Graphics2D g, Rectangle plot, Curve curve, int phase) {
    for (int i = phase; i < curve.x().length; i += markerEvery) {
      if (y.accepts(curve.y()[i])) {
        Legend.marker(g, curve.style(), px(plot, curve.x()[i]), py(plot, curve.y()[i]));
      }
    }
  }

  private double px(Rectangle plot, double value) {
    return plot.x + x.fraction(value) * plot.width;
  }

  private double py(Rectangle plot, double value) {
    return plot.y + plot.height - y.fraction(value) * plot.height;
  }

  static void centred(Graphics2D g, String text, double centreX, double baseline) {
    g.drawString(text, (float) (centreX - g.getFontMetrics().stringWidth(text) / 2.0), (float) baseline);
  }
}
