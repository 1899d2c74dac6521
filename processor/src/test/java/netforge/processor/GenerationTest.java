package netforge.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static netforge.processor.Sources.MNIST;
import static netforge.processor.Sources.compile;
import static netforge.processor.Sources.network;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which networks of a compilation get a model: every clean one, and only those. */
class GenerationTest {
  private static final JavaFileObject GOOD = network(MNIST, "abstract class Good",
      "@Conv(out = 8, k = 3) @ReLU Layer conv1;", "@Dense(out = 10) Layer fc;");
  private static final JavaFileObject BROKEN = network(MNIST, "abstract class Broken",
      "@Conv(out = 8, k = 3) @ReLU Layer conv1;", "@Dense(in = 100, out = 10) Layer fc;");

  @Test
  void goodNetwork_generatesModelExtendingIt() {
    Compilation compilation = compile(GOOD);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.GoodModel").contentsAsUtf8String()
        .contains("public final class GoodModel extends Good");
  }

  @Test
  void brokenNetwork_besideGoodOne_stopsOnlyTheBrokenOne(@TempDir Path out) {
    Compilation compilation = compile(GOOD, BROKEN);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[nn.ShapeMismatch] fc: @Dense(in = 100) does not match its input of"
        + " 5408 features").inFile(BROKEN).onLineContaining("@Dense(in = 100, out = 10)");
    // compile-testing hides the generated files of a failed compilation; javac's own output shows them.
    List<String> written = DiskCompilation.writtenFiles(out, GOOD, BROKEN);
    assertThat(written).contains("test/GoodModel.java");
    assertThat(written.stream().filter(file -> file.startsWith("test/Broken"))).isEmpty();
  }

  @Test
  void brokenNetwork_alone_generatesNothing(@TempDir Path out) {
    assertThat(DiskCompilation.writtenFiles(out, BROKEN)).isEmpty();
  }

  @Test
  void warningOnly_stillGenerates(@TempDir Path out) {
    JavaFileObject warned = network(MNIST, "abstract class Warned", "@MaxPool(k = 3) Layer pool1;",
        "@Dense(out = 10) Layer fc;");
    assertThat(DiskCompilation.writtenFiles(out, warned)).contains("test/WarnedModel.java");
  }
}
