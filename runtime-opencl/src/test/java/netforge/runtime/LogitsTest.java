package netforge.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogitsTest {
  @Test
  void softmax_sumsToOne_andOrdersAsTheLogits() {
    float[] logits = {1f, 3f, 2f, -1f};
    double[] p = Logits.softmax(logits, 0, 4);
    assertEquals(1.0, Arrays.stream(p).sum(), 1e-15);
    assertTrue(p[1] > p[2] && p[2] > p[0] && p[0] > p[3]);
    assertEquals(Math.exp(3) / (Math.exp(1) + Math.exp(3) + Math.exp(2) + Math.exp(-1)), p[1], 1e-15);
  }

  @Test
  void softmax_ofHugeLogits_doesNotOverflow() {
    double[] p = Logits.softmax(new float[] {1e30f, 1e30f, -1e30f}, 0, 3);
    assertEquals(0.5, p[0], 1e-15);
    assertEquals(0.5, p[1], 1e-15);
    assertEquals(0.0, p[2]);
  }

  @Test
  void rows_areIndependent() {
    float[] logits = {0f, 0f, 5f, 0f};
    assertEquals(0.5, Logits.softmax(logits, 0, 2)[0], 1e-15);
    assertEquals(1, Logits.argmax(logits, 0, 2) + 1, "a tie goes to the lower class");
    assertEquals(0, Logits.argmax(logits, 1, 2));
  }

  @Test
  void crossEntropy_isMinusLogOfTheLabelsProbability() {
    float[] logits = {0.5f, -2f, 4f};
    for (int label = 0; label < 3; label++) {
      assertEquals(-Math.log(Logits.softmax(logits, 0, 3)[label]), Logits.crossEntropy(logits, 0, 3, label), 1e-12);
    }
    // A confident wrong answer: finite, about the margin, where exp(100) / sum would round to 0 and the log to -inf
    // in float.
    assertEquals(100.0, Logits.crossEntropy(new float[] {100f, 0f}, 0, 2, 1), 1e-9);
  }

  @Test
  void topClasses_areSortedAndCut() {
    List<TopClasses.ClassProbability> top = TopClasses.of(new double[] {0.1, 0.5, 0.1, 0.3}, List.of("a", "b", "c",
        "d"), 3);
    assertEquals(List.of("b", "d", "a"), top.stream().map(TopClasses.ClassProbability::name).toList(),
        "equal probabilities in class order");
    assertEquals(4, TopClasses.of(new double[] {0.25, 0.25, 0.25, 0.25}, List.of("a", "b", "c", "d"), 10).size());
  }
}
