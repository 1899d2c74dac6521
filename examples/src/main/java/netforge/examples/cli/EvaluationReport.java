package netforge.examples.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import netforge.runtime.eval.ConfusionMatrix;
import netforge.runtime.eval.Evaluation;

/** The text {@code netforge evaluate} prints for an {@link Evaluation}: totals, per-class accuracy, the matrix. */
public final class EvaluationReport {
  private static final String GAP = "  ";

  private EvaluationReport() {}

  public static void print(Evaluation evaluation, PrintStream out) {
    ConfusionMatrix matrix = evaluation.matrix();
    out.printf(Locale.ROOT, "Accuracy: %.2f%% (%,d of %,d images correct)%n", 100 * matrix.accuracy(),
        matrix.correct(), matrix.images());
    out.printf(Locale.ROOT, "Mean cross-entropy loss: %.4f nats per image%n", evaluation.meanLoss());
    out.printf(Locale.ROOT, "Time: %.1f s (%.1f images/s)%n", evaluation.seconds(),
        matrix.images() / Math.max(evaluation.seconds(), 1e-9));
    out.println();
    out.println("Per class (accuracy: the share of the class's images predicted as that class):");
    out.print(perClass(matrix));
    out.println();
    out.println("Confusion matrix (number of images; rows: true class, columns: predicted class):");
    out.print(confusion(matrix));
  }

  /** One row per class: its name, images, correct predictions and accuracy in %. */
  static String perClass(ConfusionMatrix matrix) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("class", "images", "correct", "accuracy"));
    for (int t = 0; t < matrix.classes(); t++) {
      double accuracy = matrix.accuracyOf(t);
      rows.add(List.of(matrix.classNames().get(t), String.format(Locale.ROOT, "%,d", matrix.imagesOf(t)),
          String.format(Locale.ROOT, "%,d", matrix.correctOf(t)),
          Double.isNaN(accuracy) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * accuracy)));
    }
    return aligned(rows);
  }

  /** The matrix with class names along both sides, every column as wide as its widest cell. */
  static String confusion(ConfusionMatrix matrix) {
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>();
    header.add(ConfusionMatrix.AXES);
    header.addAll(matrix.classNames());
    rows.add(header);
    for (int t = 0; t < matrix.classes(); t++) {
      List<String> row = new ArrayList<>();
      row.add(matrix.classNames().get(t));
      for (int p = 0; p < matrix.classes(); p++) {
        row.add(Long.toString(matrix.count(t, p)));
      }
      rows.add(row);
    }
    return aligned(rows);
  }

  /** Rows of cells as text: the first column left-aligned (names), the others right-aligned (numbers). */
  private static String aligned(List<List<String>> rows) {
    int columns = rows.get(0).size();
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder(GAP);
      for (int c = 0; c < columns; c++) {
        String cell = row.get(c);
        String padding = " ".repeat(widths[c] - cell.length());
        line.append(c == 0 ? cell + padding : GAP + padding + cell);
      }
      text.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }
    return text.toString();
  }
}
