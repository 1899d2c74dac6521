package netforge.examples.plot;

import java.awt.Color;
import netforge.runtime.train.OptimizerKind;

/**
 * How each optimizer looks in every chart and animation: one colour, one marker and one line pattern, fixed per
 * optimizer so that "nag" is the same curve in every figure. The colours are Okabe and Ito's palette for colour-blind
 * readers (and for AdamW, outside the tutorial, the wine of Paul Tol's, as safe); each optimizer also differs from the others by marker,
 * and from the ones its curve tends to lie on by line pattern, so colour is never the only cue.
 */
public enum OptimizerStyle {
  SGD(OptimizerKind.SGD, new Color(0x000000), Marker.CIRCLE, LinePattern.SOLID),
  MOMENTUM(OptimizerKind.MOMENTUM, new Color(0x0072B2), Marker.SQUARE, LinePattern.DASHED),
  NAG(OptimizerKind.NAG, new Color(0xD55E00), Marker.TRIANGLE_UP, LinePattern.DOTTED),
  ADAGRAD(OptimizerKind.ADAGRAD, new Color(0xCC79A7), Marker.TRIANGLE_DOWN, LinePattern.DASH_DOT),
  ADADELTA(OptimizerKind.ADADELTA, new Color(0x56B4E9), Marker.PLUS, LinePattern.LONG_DASH),
  RMSPROP(OptimizerKind.RMSPROP, new Color(0xE69F00), Marker.CROSS, LinePattern.DASH_DOT_DOT),
  ADAM(OptimizerKind.ADAM, new Color(0x009E73), Marker.DIAMOND, LinePattern.SOLID),
  ADAMW(OptimizerKind.ADAMW, new Color(0x882255), Marker.STAR, LinePattern.DASHED);

  private final OptimizerKind kind;
  private final Color color;
  private final Marker marker;
  private final LinePattern line;

  OptimizerStyle(OptimizerKind kind, Color color, Marker marker, LinePattern line) {
    this.kind = kind;
    this.color = color;
    this.marker = marker;
    this.line = line;
  }

  public static OptimizerStyle of(OptimizerKind kind) {
    for (OptimizerStyle style : values()) {
      if (style.kind == kind) {
        return style;
      }
    }
    throw new IllegalArgumentException("no chart style for the optimizer " + kind);
  }

  public OptimizerKind kind() {
    return kind;
  }

  /** The name in legends: what users type. */
  public String label() {
    return kind.userName();
  }

  public Color color() {
    return color;
  }

  public Marker marker() {
    return marker;
  }

  public LinePattern line() {
    return line;
  }
}
