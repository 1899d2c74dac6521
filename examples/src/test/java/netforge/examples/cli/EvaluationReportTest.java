package netforge.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import netforge.runtime.eval.ConfusionMatrix;
import org.junit.jupiter.api.Test;

/** The text {@code netforge evaluate} prints: aligned tables with the class names. */
class EvaluationReportTest {
  private static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Ankle boot");

  @Test
  void table_isAligned_withClassNamesOnBothSides() {
    List<String> lines = EvaluationReport.confusion(sample()).lines().toList();
    assertEquals("  true \\ predicted  T-shirt/top  Trouser  Ankle boot", lines.get(0));
    assertEquals("  T-shirt/top                 2        1           0", lines.get(1));
    assertEquals("  Trouser                     0        1           0", lines.get(2));
    assertEquals("  Ankle boot                  0        1           2", lines.get(3));
  }

  @Test
  void perClass_namesCountsAndPercent() {
    List<String> lines = EvaluationReport.perClass(sample()).lines().toList();
    assertEquals("  class        images  correct  accuracy", lines.get(0));
    assertEquals("  T-shirt/top       3        2    66.67%", lines.get(1));
    assertEquals("  Ankle boot        3        2    66.67%", lines.get(3));
  }

  /** Seven images: two of three T-shirts right, the trouser right, two of three ankle boots right. */
  private static ConfusionMatrix sample() {
    return ConfusionMatrix.of(CLASSES, new long[][] {{2, 1, 0}, {0, 1, 0}, {0, 1, 2}});
  }
}
