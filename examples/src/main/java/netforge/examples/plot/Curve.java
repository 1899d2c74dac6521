package netforge.examples.plot;

/** One optimizer's points on one panel; x and y of equal length, in x order. */
public record Curve(OptimizerStyle style, double[] x, double[] y) {
  public Curve {
    if (x.length != y.length) {
      throw new IllegalArgumentException(style.label() + ": " + x.length + " x values but " + y.length + " y values");
    }
  }
}
