package netforge.processor.diag;

import static com.google.common.truth.Truth.assertThat;

import netforge.processor.model.Op;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How messages write values: annotations with chosen attributes, decimals, and "a" or "an" before a size. */
class AnnotationTextTest {

  @Test
  void of_convWithAttributes_writesThemInTheGivenOrder() {
    Op.Conv conv = new Op.Conv(96, 13, 0, 0, 4, 1, true);
    assertThat(AnnotationText.of(conv, "k", "p")).isEqualTo("@Conv(k = 13, p = 1)");
    assertThat(AnnotationText.of(conv)).isEqualTo("@Conv");
  }

  @Test
  void paddingAttributes_areThePerAxisOnesWhereWritten_elsePWhenItPads() {
    assertThat(AnnotationText.paddingAttributes(new Op.Conv(8, 3, 0, 0, 1, 0, 1, -1, true))).containsExactly("ph");
    assertThat(AnnotationText.paddingAttributes(new Op.Pool(Op.PoolKind.MAX, 3, 1, 0, 0, 1)))
        .containsExactly("ph", "pw").inOrder();
    assertThat(AnnotationText.paddingAttributes(new Op.Conv(8, 3, 0, 0, 1, 1, true))).containsExactly("p");
    assertThat(AnnotationText.paddingAttributes(new Op.Conv(8, 3, 0, 0, 1, 0, true))).isEmpty();
    assertThat(AnnotationText.of(new Op.Pool(Op.PoolKind.AVG, 3, 1, 0, 2, -1), "ph", "pw"))
        .isEqualTo("@AvgPool(ph = 2, pw = -1)");
  }

  @Test
  void of_poolStride_writesTheValueAsWritten() {
    assertThat(AnnotationText.of(new Op.Pool(Op.PoolKind.AVG, 2, 0, 0), "k", "s")).isEqualTo("@AvgPool(k = 2, s = 0)");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"0.5, 0.5", "1.0, 1.0", "2, 2.0", "0.0001, 0.0001", "-0.1, -0.1", "1.5, 1.5", "NaN, NaN"})
  void number_writesTheShortestExactDecimal(double value, String expected) {
    assertThat(AnnotationText.number(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}x{0} -> {1}")
  @CsvSource({"1, a", "8, an", "11, an", "18, an", "28, a", "80, an", "110, a", "227, a", "800, an", "11000, an",
      "18000, an", "1100, a"})
  void withArticle_followsTheSpokenNumber(int side, String article) {
    assertThat(AnnotationText.withArticle(side, side)).isEqualTo(article + " " + side + "x" + side);
  }
}
