package netforge.runtime.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import netforge.runtime.io.AtomicFiles;

/**
 * The epochs of a training run so far, written as CSV and JSON after every epoch; and, for a run that evaluates
 * every N steps, its points by steps ({@link StepRecord}), written as their own CSV.
 */
public final class History {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final CsvMapper CSV = new CsvMapper();

  private final List<EpochRecord> epochs = new ArrayList<>();
  private final List<StepRecord> steps = new ArrayList<>();

  public History() {}

  public History(List<EpochRecord> epochs) {
    this(epochs, List.of());
  }

  public History(List<EpochRecord> epochs, List<StepRecord> steps) {
    this.epochs.addAll(epochs);
    this.steps.addAll(steps);
  }

  public void add(EpochRecord record) {
    epochs.add(record);
  }

  public void add(StepRecord record) {
    steps.add(record);
  }

  public List<EpochRecord> epochs() {
    return List.copyOf(epochs);
  }

  /** The points by steps, in step order; empty for a run that evaluated only after each epoch. */
  public List<StepRecord> steps() {
    return List.copyOf(steps);
  }

  public boolean isEmpty() {
    return epochs.isEmpty();
  }

  public EpochRecord last() {
    return epochs.get(epochs.size() - 1);
  }

  /** The epoch with the highest test accuracy (the first of equals), or null when empty. */
  public EpochRecord best() {
    EpochRecord best = null;
    for (EpochRecord e : epochs) {
      if (best == null || e.testAccuracy() > best.testAccuracy()) {
        best = e;
      }
    }
    return best;
  }

  /** Writes {@code history.csv}-style text: a header, then one row per epoch; atomically. */
  public void writeCsv(Path file) throws IOException {
    CsvSchema schema = CSV.schemaFor(EpochRecord.class).withHeader().sortedBy(columns(EpochRecord.class));
    AtomicFiles.write(file, (OutputStream out) -> CSV.writer(schema).writeValue(out, epochs));
  }

  /** Writes {@code steps.csv}-style text: a header, then one row per point by steps; atomically. */
  public void writeStepsCsv(Path file) throws IOException {
    CsvSchema schema = CSV.schemaFor(StepRecord.class).withHeader().sortedBy(columns(StepRecord.class));
    AtomicFiles.write(file, (OutputStream out) -> CSV.writer(schema).writeValue(out, steps));
  }

  /** Writes the epochs as a JSON array, atomically. */
  public void writeJson(Path file) throws IOException {
    AtomicFiles.write(file, (OutputStream out) -> JSON.writeValue(out, epochs));
  }

  /** Reads what {@link #writeJson} wrote. */
  public static History readJson(Path file) throws IOException {
    return new History(Arrays.asList(JSON.readValue(file.toFile(), EpochRecord[].class)));
  }

  /** The record's components in declaration order, for the CSV's columns. */
  private static String[] columns(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toArray(String[]::new);
  }
}
