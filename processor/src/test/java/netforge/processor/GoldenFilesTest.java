package netforge.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static javax.tools.StandardLocation.CLASS_OUTPUT;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The whole output for one network, against reviewed copies: a change in generation shows up as a diff to review
 * ({@code -Dgolden.update=true} rewrites the copies). Java is compared as syntax trees, the program byte for byte.
 * The other generation tests check properties ({@code contains}); these catch output that is correct but weird.
 */
class GoldenFilesTest {
  /** Every stage kind with a backward pass: conv, max pool with dropout, dense with ReLU, LRN, adaptive pool. */
  private static final JavaFileObject NET = Sources.net(
      "@Conv(out = 4, k = 3, p = 1) @ReLU Layer c1;",
      "@LRN(size = 3) Layer norm;",
      "@Dropout(0.5) @MaxPool(k = 2) Layer s2;",
      "@AdaptiveAvgPool(h = 3, w = 3) Layer pool;",
      "@Dense(out = 16) @ReLU Layer fc;",
      "@Dense(out = 10) Layer out;");

  @Test
  void smallNetwork_modelTrainerAndProgram() {
    Compilation compilation = Sources.compile(NET);
    assertThat(compilation).succeeded();
    for (String type : new String[] {"test.NetModel", "test.NetTrainer"}) {
      Path golden = Goldens.of(GoldenFilesTest.class, "smallNetwork_modelTrainerAndProgram", type + ".java");
      JavaFileObject generated = compilation.generatedSourceFile(type).orElseThrow();
      Goldens.updateIfAsked(golden, contents(generated));
      assertThat(compilation).generatedSourceFile(type)
          .hasSourceEquivalentTo(JavaFileObjects.forSourceString(type, Goldens.read(golden)));
    }
    Path program = Goldens.of(GoldenFilesTest.class, "smallNetwork_modelTrainerAndProgram", "test.NetModel.cl");
    String text = contents(compilation.generatedFile(CLASS_OUTPUT, "test/NetModel.cl").orElseThrow());
    Goldens.assertMatches(program, text);
  }

  private static String contents(javax.tools.FileObject file) {
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
