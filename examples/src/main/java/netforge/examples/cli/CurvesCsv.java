package netforge.examples.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import netforge.runtime.train.OptimizerKind;
import netforge.runtime.train.StepRecord;

/**
 * {@code curves.csv} of a comparison: every point of the figures' curves, one row per data set, optimizer and
 * point by steps, for plotting them elsewhere. Like the results table, it holds no wall times.
 */
public final class CurvesCsv {
  private CurvesCsv() {}

  /** One row: a data set, an optimizer, a point. */
  @JsonPropertyOrder({"dataset", "optimizer", "step", "images", "epoch", "trainLoss", "trainAccuracy", "testLoss",
      "testAccuracy"})
  record Row(String dataset, String optimizer, int step, long images, int epoch, double trainLoss,
      double trainAccuracy, double testLoss, double testAccuracy) {}

  public static String csv(Map<DatasetChoice, Map<OptimizerKind, List<StepRecord>>> curves)
      throws JsonProcessingException {
    List<Row> rows = new ArrayList<>();
    for (var dataset : curves.entrySet()) {
      for (var run : dataset.getValue().entrySet()) {
        for (StepRecord p : run.getValue()) {
          rows.add(new Row(dataset.getKey().id(), run.getKey().userName(), p.step(), p.images(), p.epoch(),
              p.trainLoss(), p.trainAccuracy(), p.testLoss(), p.testAccuracy()));
        }
      }
    }
    CsvMapper mapper = new CsvMapper();
    return mapper.writer(mapper.schemaFor(Row.class).withHeader()).writeValueAsString(rows);
  }
}
