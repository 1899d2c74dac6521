package netforge.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static netforge.processor.Sources.compile;
import static netforge.processor.Sources.net;
import static netforge.processor.Sources.network;

import com.google.testing.compile.Compilation;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Sources javac itself rejects: javac's error is the only one, no exception reaches javac as {@code [nn.Internal]},
 * and the processor does not add a second message about the same mistake.
 */
class JavacErrorsTest {
  private static final String FC = "@Dense(out = 10) Layer fc;";

  /** Exactly one error, javac's {@code expected}, on the line containing {@code line}; nothing from NetForge. */
  private static void assertOnlyJavacError(JavaFileObject source, String expected, String line) {
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(expected).inFile(source).onLineContaining(line);
    assertWithMessage("NetForge diagnostics").that(compilation.diagnostics().stream()
        .map(d -> d.getMessage(Locale.ROOT)).filter(m -> m.contains("[nn.")).toList()).isEmpty();
  }

  @Test
  void convOut_string_givesOnlyJavacsError() {
    assertOnlyJavacError(net("@Conv(out = \"x\", k = 3) Layer conv1;", FC), "incompatible types",
        "@Conv(out = \"x\", k = 3)");
  }

  @Test
  void convOut_missing_givesOnlyJavacsError() {
    assertOnlyJavacError(net("@Conv(k = 3) Layer conv1;", FC), "is missing a default value for the element 'out'",
        "@Conv(k = 3) Layer conv1;");
  }

  @Test
  void dropout_string_givesOnlyJavacsError() {
    assertOnlyJavacError(net("@Conv(out = 8, k = 3) @Dropout(\"half\") Layer conv1;", FC), "incompatible types",
        "@Dropout(\"half\")");
  }

  @Test
  void layerType_unresolved_givesOnlyCannotFindSymbol() {
    assertOnlyJavacError(net("@Conv(out = 8, k = 3) Layr conv1;", FC), "cannot find symbol", "Layr conv1;");
  }

  @Test
  void classes_unresolvedConstant_givesOnlyCannotFindSymbol() {
    assertOnlyJavacError(network("@Network(input = @Input(channels = 1, height = 28, width = 28), classes = CLASSES)",
        "abstract class Net", FC), "cannot find symbol", "classes = CLASSES");
  }

  @Test
  void inputWidth_missing_givesOnlyJavacsError() {
    assertOnlyJavacError(network("@Network(input = @Input(channels = 1, height = 28), classes = 10)",
        "abstract class Net", FC), "is missing a default value for the element 'width'", "@Input(channels = 1");
  }

  @Test
  void denseOut_constantExpression_isEvaluated() {
    Compilation compilation = compile(net("static final int CLASSES = 5;", "@Dense(out = 2 * CLASSES) Layer fc;"));
    assertThat(compilation).succeededWithoutWarnings();
  }
}
