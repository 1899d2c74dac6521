package netforge.runtime.eval;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netforge.runtime.io.AtomicFiles;

/**
 * A confusion matrix as CSV, laid out as it is printed: a header of {@value ConfusionMatrix#AXES} and the predicted
 * classes, then one row per true class with its name and counts. Spreadsheets open it as the same square table.
 */
public final class ConfusionMatrixCsv {
  private ConfusionMatrixCsv() {}

  /** Writes {@code matrix} to {@code file}, atomically, creating missing parent directories. */
  public static void write(ConfusionMatrix matrix, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    byte[] text = text(matrix).getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(file, (OutputStream out) -> out.write(text));
  }

  /** The CSV text {@link #write} writes. */
  public static String text(ConfusionMatrix matrix) throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder().addColumn(ConfusionMatrix.AXES);
    for (String name : matrix.classNames()) {
      schema.addColumn(name);
    }
    List<List<Object>> rows = new ArrayList<>();
    for (int t = 0; t < matrix.classes(); t++) {
      List<Object> row = new ArrayList<>();
      row.add(matrix.classNames().get(t));
      for (int p = 0; p < matrix.classes(); p++) {
        row.add(matrix.count(t, p));
      }
      rows.add(row);
    }
    return new CsvMapper().writer(schema.build().withHeader()).writeValueAsString(rows);
  }
}
