package netforge.processor.diag;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A new {@link Message} needs a test that makes javac print it: its "[nn.Code]" must appear in a test source. */
class MessageCoverageTest {
  /** Run by Maven from the module directory. */
  private static final Path TESTS = Path.of("src/test/java");

  @Test
  void everyMessageCode_isAssertedByATest() {
    String tests;
    try (Stream<Path> files = Files.walk(TESTS)) {
      tests = files.map(Path::toString)
          .filter(p -> p.endsWith("DiagnosticsTest.java") || p.endsWith("ShapesTest.java"))
          .map(p -> read(Path.of(p))).collect(Collectors.joining("\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // INTERNAL is never provoked on purpose; JavacErrorsTest asserts it does not appear.
    assertWithMessage("message codes no *DiagnosticsTest or *ShapesTest asserts")
        .that(Arrays.stream(Message.values()).filter(m -> m != Message.INTERNAL)
            .map(m -> "[" + m.code() + "]").filter(code -> !tests.contains(code)).toList())
        .isEmpty();
  }

  /** Fix and rule lines are templates in {@link Message.Hint}, not text assembled in a check. */
  @Test
  void fixAndRuleTexts_liveOnlyInTheCatalogue() {
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      assertWithMessage("main sources that write a fix or rule line themselves")
          .that(files.map(Path::toString).filter(p -> p.endsWith(".java") && !p.endsWith("diag/Message.java"))
              .filter(p -> read(Path.of(p)).contains("\"fix: ") || read(Path.of(p)).contains("\"rule: ")).toList())
          .isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
