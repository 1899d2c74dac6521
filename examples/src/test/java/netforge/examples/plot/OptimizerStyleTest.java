package netforge.examples.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import netforge.runtime.train.OptimizerKind;
import org.junit.jupiter.api.Test;

class OptimizerStyleTest {
  @Test
  void everyOptimizer_hasExactlyOneStyle() {
    for (OptimizerKind kind : OptimizerKind.values()) {
      assertEquals(kind, OptimizerStyle.of(kind).kind());
      assertEquals(kind.userName(), OptimizerStyle.of(kind).label());
    }
    assertEquals(EnumSet.allOf(OptimizerKind.class),
        Arrays.stream(OptimizerStyle.values()).map(OptimizerStyle::kind).collect(Collectors.toSet()));
    assertEquals(OptimizerKind.values().length, OptimizerStyle.values().length);
  }

  @Test
  void colours_andMarkers_areAllDifferent() {
    Set<Color> colours = Arrays.stream(OptimizerStyle.values()).map(OptimizerStyle::color).collect(Collectors.toSet());
    Set<Marker> markers = Arrays.stream(OptimizerStyle.values()).map(OptimizerStyle::marker)
        .collect(Collectors.toSet());
    assertEquals(OptimizerStyle.values().length, colours.size(), "one colour per optimizer");
    assertEquals(OptimizerStyle.values().length, markers.size(), "one marker per optimizer");
  }

  /** No optimizer is drawn in the colour of the text, axes or grid, which would hide it or be mistaken for it. */
  @Test
  void colours_areNotThoseOfTheFrame() {
    for (OptimizerStyle style : OptimizerStyle.values()) {
      for (Color frame : new Color[] {CurvePanel.TEXT, CurvePanel.AXIS, CurvePanel.GRID, CurvePanel.EPOCH_LINE,
          Color.WHITE}) {
        assertNotEquals(frame, style.color(), style + " in a frame colour");
      }
    }
  }

  /**
   * The pairs whose curves lie on each other (momentum and NAG are nearly the same rule; SGD and Adadelta both sit
   * near chance early on) or that the old charts drew alike (momentum and RMSprop) differ in colour, marker and line.
   */
  @Test
  void optimizersThatLookAlikeOrOverlap_differInEveryCue() {
    for (OptimizerStyle[] pair : new OptimizerStyle[][] {{OptimizerStyle.MOMENTUM, OptimizerStyle.RMSPROP},
        {OptimizerStyle.MOMENTUM, OptimizerStyle.NAG}, {OptimizerStyle.SGD, OptimizerStyle.ADADELTA},
        {OptimizerStyle.SGD, OptimizerStyle.MOMENTUM}, {OptimizerStyle.ADAM, OptimizerStyle.RMSPROP}}) {
      String what = pair[0] + " and " + pair[1];
      assertNotEquals(pair[0].line(), pair[1].line(), what + ": line");
      assertNotEquals(pair[0].marker(), pair[1].marker(), what + ": marker");
      assertTrue(distance(pair[0].color(), pair[1].color()) > 120, what + ": colours too close");
    }
  }

  /** Euclidean distance in RGB: rough, but momentum's blue and RMSprop's orange are some 250 apart. */
  private static double distance(Color a, Color b) {
    return Math.sqrt(Math.pow(a.getRed() - b.getRed(), 2) + Math.pow(a.getGreen() - b.getGreen(), 2)
        + Math.pow(a.getBlue() - b.getBlue(), 2));
  }
}
