package netforge.examples.plot;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * The point symbols of the curves, all filled shapes of about the same area, so that none looks heavier than the
 * others; the cross and the plus are drawn as thick outlines, not hairlines, to stay visible on a busy plot.
 */
public enum Marker {
  CIRCLE, SQUARE, TRIANGLE_UP, TRIANGLE_DOWN, DIAMOND, CROSS, PLUS, STAR;

  /** The symbol centred on ({@code x}, {@code y}), {@code size} pixels across. */
  public Shape at(double x, double y, double size) {
    double r = size / 2;
    return switch (this) {
      case CIRCLE -> new Ellipse2D.Double(x - r, y - r, size, size);
      case SQUARE -> new Rectangle2D.Double(x - 0.85 * r, y - 0.85 * r, 1.7 * r, 1.7 * r);
      case TRIANGLE_UP -> polygon(x, y, new double[] {0, -1.15 * r, 1.1 * r, 0.75 * r, -1.1 * r, 0.75 * r});
      case TRIANGLE_DOWN -> polygon(x, y, new double[] {0, 1.15 * r, 1.1 * r, -0.75 * r, -1.1 * r, -0.75 * r});
      case DIAMOND -> polygon(x, y, new double[] {0, -1.2 * r, 1.0 * r, 0, 0, 1.2 * r, -1.0 * r, 0});
      case PLUS -> plus(x, y, 1.1 * r, 0.38 * r, 0);
      case CROSS -> plus(x, y, 1.1 * r, 0.38 * r, Math.PI / 4);
      case STAR -> star(x, y, 1.25 * r, 0.5 * r);
    };
  }

  private static Shape polygon(double x, double y, double[] offsets) {
    Path2D.Double path = new Path2D.Double();
    path.moveTo(x + offsets[0], y + offsets[1]);
    for (int i = 2; i < offsets.length; i += 2) {
      path.lineTo(x + offsets[i], y + offsets[i + 1]);
    }
    path.closePath();
    return path;
  }

  /** A plus of arm length {@code arm} and half-width {@code half}, turned by {@code angle}. */
  private static Shape plus(double x, double y, double arm, double half, double angle) {
    double[] corners = {half, half, half, arm, -half, arm, -half, half, -arm, half, -arm, -half, -half, -half, -half,
        -arm, half, -arm, half, -half, arm, -half, arm, half};
    return polygon(x, y, turned(corners, angle));
  }

  private static Shape star(double x, double y, double outer, double inner) {
    double[] corners = new double[20];
    for (int i = 0; i < 10; i++) {
      double radius = i % 2 == 0 ? outer : inner;
      double angle = -Math.PI / 2 + i * Math.PI / 5;
      corners[2 * i] = radius * Math.cos(angle);
      corners[2 * i + 1] = radius * Math.sin(angle);
    }
    return polygon(x, y, corners);
  }

  private static double[] turned(double[] xy, double angle) {
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    double[] out = new double[xy.length];
    for (int i = 0; i < xy.length; i += 2) {
      out[i] = xy[i] * cos - xy[i + 1] * sin;
      out[i + 1] = xy[i] * sin + xy[i + 1] * cos;
    }
    return out;
  }
}
