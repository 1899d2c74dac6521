package netforge.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The files README.md shows a user to write are the files of the consumer project the build runs
 * ({@code examples/src/it}), so the README's instructions are tested by that build and cannot drift from it. Each
 * such block follows a {@code <!-- file: PATH -->} line naming the file, relative to the repository root.
 */
class ReadmeTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern FILE_BLOCK =
      Pattern.compile("<!-- file: (\\S+) -->\\n```[a-z]*\\n(.*?)```\\n", Pattern.DOTALL);

  @TestFactory
  List<DynamicTest> everyFileTheReadmeShowsIsTheTestedFile() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    List<DynamicTest> tests = new ArrayList<>();
    Matcher block = FILE_BLOCK.matcher(readme);
    while (block.find()) {
      String path = block.group(1);
      String shown = block.group(2);
      tests.add(DynamicTest.dynamicTest(path,
          () -> assertEquals(Files.readString(ROOT.resolve(path)), shown, "README.md's copy of " + path)));
    }
    assertFalse(tests.isEmpty(), "README.md shows no <!-- file: ... --> block; the pattern or the README changed");
    return tests;
  }
}
