package netforge.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfusionMatrixTest {
  private static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Ankle boot");

  @TempDir
  Path directory;

  @Test
  void counts_perClass_andOverall() {
    ConfusionMatrix matrix = sample();
    assertEquals(7, matrix.images());
    assertEquals(5, matrix.correct());
    assertEquals(5 / 7.0, matrix.accuracy(), 1e-15);
    assertEquals(3, matrix.imagesOf(0));
    assertEquals(2 / 3.0, matrix.accuracyOf(0), 1e-15);
    assertTrue(Double.isNaN(new ConfusionMatrix(CLASSES).accuracyOf(1)), "a class without images has no accuracy");
  }

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

  @Test
  void csv_readsBackAsTheMatrix() throws Exception {
    Path file = directory.resolve("out/confusion.csv");
    ConfusionMatrixCsv.write(sample(), file);
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    try (MappingIterator<List<String>> rows = mapper.readerFor(List.class).readValues(Files.readString(file))) {
      List<List<String>> all = rows.readAll();
      assertEquals(List.of(ConfusionMatrix.AXES, "T-shirt/top", "Trouser", "Ankle boot"), all.get(0));
      assertEquals(List.of("T-shirt/top", "2", "1", "0"), all.get(1));
      assertEquals(List.of("Ankle boot", "0", "1", "2"), all.get(3));
      assertEquals(4, all.size());
    }
  }

  private static ConfusionMatrix sample() {
    ConfusionMatrix matrix = new ConfusionMatrix(CLASSES);
    matrix.add(0, 0);
    matrix.add(0, 0);
    matrix.add(0, 1);
    matrix.add(1, 1);
    matrix.add(2, 2);
    matrix.add(2, 2);
    matrix.add(2, 1);
    return matrix;
  }
}
