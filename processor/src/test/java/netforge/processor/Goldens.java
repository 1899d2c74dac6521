package netforge.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: generated text compared with a reviewed copy under {@code src/test/resources/goldens}. Run the tests
 * with {@code -Dgolden.update=true} to rewrite the copies instead of comparing (as auto-factory's
 * {@code GOLDEN_FILE_ROOT}), then review the diff.
 */
public final class Goldens {
  /** Where goldens are kept: {@code goldens/<TestClass>/<method>/<file>}, relative to the processor module. */
  public static final Path ROOT = Path.of("src/test/resources/goldens");

  private Goldens() {}

  public static boolean updating() {
    return Boolean.getBoolean("golden.update");
  }

  /** The golden of {@code test}'s {@code method}: {@code goldens/<TestClass>/<method>/<file>}. */
  public static Path of(Class<?> test, String method, String file) {
    return ROOT.resolve(test.getSimpleName()).resolve(method).resolve(file);
  }

  /** Its text; a missing golden reads as a stub that names it, so the comparison fails with its path. */
  public static String read(Path golden) {
    try {
      return Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8)
          : "// Error: missing golden file " + golden + "; run with -Dgolden.update=true\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code text} to {@code golden} when updating. */
  public static void updateIfAsked(Path golden, String text) {
    if (!updating()) {
      return;
    }
    try {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compares exactly, or rewrites the golden when updating. */
  public static void assertMatches(Path golden, String actual) {
    updateIfAsked(golden, actual);
    assertEquals(read(golden), actual, "generated text differs from " + golden
        + " (rerun with -Dgolden.update=true and review the diff if the change is intended)");
  }
}
