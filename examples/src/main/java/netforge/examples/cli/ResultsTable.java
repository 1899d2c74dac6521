package netforge.examples.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import netforge.runtime.train.EpochRecord;
import netforge.runtime.train.OptimizerKind;

/**
 * The final table of a comparison, like the tutorial's: per data set and optimizer, the last epoch's train and
 * test loss and accuracy, and the best test accuracy with its epoch; optionally beside the tutorial's published test
 * accuracy, with the difference in percentage points. No wall times, so that two runs with the same seed give the
 * same table.
 */
public final class ResultsTable {
  private ResultsTable() {}

  public static String markdown(String network, Map<DatasetChoice, Map<String, List<EpochRecord>>> results) {
    return markdown(network, results, false);
  }

  /**
   * With {@code published}, two more columns: the tutorial's test accuracy ({@link PublishedAccuracy}) and the last
   * epoch's test accuracy minus it, in percentage points.
   */
  public static String markdown(String network, Map<DatasetChoice, Map<String, List<EpochRecord>>> results,
      boolean published) {
    StringBuilder text = new StringBuilder();
    for (var dataset : results.entrySet()) {
      text.append(String.format(Locale.ROOT, "### %s on %s%n%n", network, dataset.getKey().title()));
      text.append("| optimizer | epochs | train loss | train acc | test loss | test acc | best test acc (epoch) |");
      text.append(published ? " tutorial's test acc | difference |\n" : "\n");
      text.append("|---|---:|---:|---:|---:|---:|---:|").append(published ? "---:|---:|\n" : "\n");
      for (var run : dataset.getValue().entrySet()) {
        List<EpochRecord> epochs = run.getValue();
        EpochRecord last = epochs.get(epochs.size() - 1);
        EpochRecord best = epochs.stream().reduce((a, b) -> b.testAccuracy() > a.testAccuracy() ? b : a).orElseThrow();
        text.append(String.format(Locale.ROOT, "| %s | %d | %.4f | %.2f%% | %.4f | %.2f%% | %.2f%% (%d) |",
            run.getKey(), last.epoch(), last.trainLoss(), 100 * last.trainAccuracy(), last.testLoss(),
            100 * last.testAccuracy(), 100 * best.testAccuracy(), best.epoch()));
        if (published) {
          OptionalDouble tutorial = PublishedAccuracy.percent(dataset.getKey(), OptimizerKind.parse(run.getKey()));
          text.append(tutorial.isEmpty() ? " - | - |" : String.format(Locale.ROOT, " %.2f%% | %+.2f pp |",
              tutorial.getAsDouble(), difference(100 * last.testAccuracy(), tutorial.getAsDouble())));
        }
        text.append('\n');
      }
      text.append('\n');
    }
    return text.toString();
  }

  /**
   * {@code ours - published} in percentage points, rounded to the two decimals printed: an accuracy equal to the
   * published one reads +0.00, not -0.00 from the last bit of 100 x 0.5011.
   */
  static double difference(double ours, double published) {
    return Math.round((ours - published) * 100) / 100.0;
  }

  /** One row of {@code results.csv}: a data set, an optimizer, an epoch. */
  @JsonPropertyOrder({"dataset", "optimizer", "epoch", "trainLoss", "trainAccuracy", "testLoss", "testAccuracy",
      "learningRate"})
  record Row(String dataset, String optimizer, int epoch, double trainLoss, double trainAccuracy, double testLoss,
      double testAccuracy, double learningRate) {}

  public static String csv(Map<DatasetChoice, Map<String, List<EpochRecord>>> results) throws JsonProcessingException {
    List<Row> rows = new ArrayList<>();
    for (var dataset : results.entrySet()) {
      for (var run : dataset.getValue().entrySet()) {
        for (EpochRecord r : run.getValue()) {
          rows.add(new Row(dataset.getKey().id(), run.getKey(), r.epoch(), r.trainLoss(), r.trainAccuracy(),
              r.testLoss(), r.testAccuracy(), r.learningRate()));
        }
      }
    }
    CsvMapper mapper = new CsvMapper();
    return mapper.writer(mapper.schemaFor(Row.class).withHeader()).writeValueAsString(rows);
  }
}
