package netforge.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netforge.runtime.train.EpochRecord;
import netforge.runtime.train.OptimizerKind;
import org.junit.jupiter.api.Test;

/** The results table, and beside it with {@code --full} the tutorial's published accuracies and the differences. */
class ResultsTableTest {
  private static EpochRecord last(double testAccuracy) {
    return new EpochRecord(20, 0.3, 0.9, 0.35, testAccuracy, 0.01, 100, 50);
  }

  private static Map<DatasetChoice, Map<String, List<EpochRecord>>> results() {
    Map<String, List<EpochRecord>> fashion = new LinkedHashMap<>();
    fashion.put("sgd", List.of(last(0.8610)));
    fashion.put("nag", List.of(last(0.9100)));
    fashion.put("adamw", List.of(last(0.9000)));
    Map<String, List<EpochRecord>> cifar = new LinkedHashMap<>();
    cifar.put("adam", List.of(last(0.7500)));
    cifar.put("adadelta", List.of(last(0.5011)));
    Map<DatasetChoice, Map<String, List<EpochRecord>>> results = new LinkedHashMap<>();
    results.put(DatasetChoice.FASHION_MNIST, fashion);
    results.put(DatasetChoice.CIFAR10, cifar);
    return results;
  }

  @Test
  void withPublished_eachRowHasTheTutorialsAccuracyAndTheDifference() {
    String table = ResultsTable.markdown("AlexNet", results(), true);
    assertTrue(table.contains("| tutorial's test acc | difference |"), table);
    // 86.10 - 85.60, 91.00 - 92.31, 75.00 - 79.24, 50.11 - 50.11
    assertTrue(table.contains("| sgd | 20 | 0.3000 | 90.00% | 0.3500 | 86.10% | 86.10% (20) | 85.60% | +0.50 pp |"),
        table);
    assertTrue(table.contains("| nag | 20 | 0.3000 | 90.00% | 0.3500 | 91.00% | 91.00% (20) | 92.31% | -1.31 pp |"),
        table);
    assertTrue(table.contains("| 75.00% (20) | 79.24% | -4.24 pp |"), table);
    assertTrue(table.contains("| 50.11% (20) | 50.11% | +0.00 pp |"), table);
    assertTrue(table.contains("| adamw | 20 | 0.3000 | 90.00% | 0.3500 | 90.00% | 90.00% (20) | - | - |"),
        "AdamW is not in the tutorial: " + table);
  }

  @Test
  void withoutPublished_noTutorialColumns() {
    String table = ResultsTable.markdown("AlexNet", results());
    assertFalse(table.contains("tutorial"), table);
    assertTrue(table.contains("| sgd | 20 | 0.3000 | 90.00% | 0.3500 | 86.10% | 86.10% (20) |\n"), table);
  }

  /** The numbers of the issue, in the tutorial's optimizer order, read back through the public lookup. */
  @Test
  void publishedAccuracies_areTheTutorials() {
    List<OptimizerKind> order = List.of(OptimizerKind.SGD, OptimizerKind.MOMENTUM, OptimizerKind.NAG,
        OptimizerKind.ADAGRAD, OptimizerKind.ADADELTA, OptimizerKind.RMSPROP, OptimizerKind.ADAM);
    double[] fashion = {85.60, 91.78, 92.31, 89.82, 84.68, 89.61, 91.74};
    double[] cifar = {55.85, 83.63, 84.15, 62.07, 50.11, 76.76, 79.24};
    for (int i = 0; i < order.size(); i++) {
      assertEquals(fashion[i], PublishedAccuracy.percent(DatasetChoice.FASHION_MNIST, order.get(i)).getAsDouble());
      assertEquals(cifar[i], PublishedAccuracy.percent(DatasetChoice.CIFAR10, order.get(i)).getAsDouble());
    }
    assertTrue(PublishedAccuracy.percent(DatasetChoice.FASHION_MNIST, OptimizerKind.ADAMW).isEmpty());
  }

  @Test
  void aRunShorterThanTheTutorials_isNamedAsSuch() {
    assertEquals(Optional.empty(), PublishedAccuracy.differenceFromTutorial(DatasetChoice.FASHION_MNIST, 20, 60_000));
    assertEquals(Optional.empty(), PublishedAccuracy.differenceFromTutorial(DatasetChoice.CIFAR10, 20, 50_000));
    assertEquals(Optional.of("Fashion-MNIST here: 20 epochs of 4,000 training images; the tutorial's: 20 epochs of "
        + "60,000. The differences are not like for like."),
        PublishedAccuracy.differenceFromTutorial(DatasetChoice.FASHION_MNIST, 20, 4000));
  }

  @Test
  void evaluationInterval_givesAboutTwelvePoints_andAtLeastOnePerEpoch() {
    assertEquals(3, EvaluationInterval.steps(2, 16, null), "the quick run: 32 steps, 12 points");
    assertEquals(1, EvaluationInterval.steps(1, 8, null), "8 steps: every one");
    assertEquals(469, EvaluationInterval.steps(20, 469, null), "the tutorial's run: once per epoch, at its end");
    assertEquals(5, EvaluationInterval.steps(20, 469, 5), "the user's choice");
  }
}
