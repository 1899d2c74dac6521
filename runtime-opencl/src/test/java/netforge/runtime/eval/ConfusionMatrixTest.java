package netforge.runtime.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    assertTrue(Double.isNaN(ConfusionMatrix.of(CLASSES, new long[3][3]).accuracyOf(1)),
        "a class without images has no accuracy");
  }

  @Test
  void perClass_isEachRowWithItsDiagonal() {
    assertEquals(List.of(new ClassAccuracy("T-shirt/top", 3, 2), new ClassAccuracy("Trouser", 1, 1),
        new ClassAccuracy("Ankle boot", 3, 2)), sample().perClass());
    assertEquals(2 / 3.0, sample().perClass().get(2).accuracy(), 1e-15);
    assertTrue(Double.isNaN(new ClassAccuracy("Bag", 0, 0).accuracy()));
  }

  @Test
  void of_copiesTheCounts_andRefusesAMatrixThatIsNotOne() {
    long[][] counts = {{1, 0}, {0, 1}};
    ConfusionMatrix matrix = ConfusionMatrix.of(List.of("a", "b"), counts);
    counts[0][0] = 99;
    assertEquals(1, matrix.count(0, 0), "a later change to the caller's array does not reach the matrix");
    assertEquals("row 1 (b) has 1 counts, not one per class (2)", assertThrows(IllegalArgumentException.class,
        () -> ConfusionMatrix.of(List.of("a", "b"), new long[][] {{1, 0}, {1}})).getMessage());
    assertEquals("count(0, 1) is negative: -1", assertThrows(IllegalArgumentException.class,
        () -> ConfusionMatrix.of(List.of("a", "b"), new long[][] {{1, -1}, {0, 0}})).getMessage());
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

  /** Seven images: two of three T-shirts right, the trouser right, two of three ankle boots right. */
  private static ConfusionMatrix sample() {
    return ConfusionMatrix.of(CLASSES, new long[][] {{2, 1, 0}, {0, 1, 0}, {0, 1, 2}});
  }
}
