package netforge.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static netforge.processor.Sources.net;
import static netforge.processor.Sources.network;

import com.google.testing.compile.Compilation;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sources the compiler itself rejects: its error is the only one, no exception reaches it as {@code [nn.Internal]},
 * and the processor does not add a second message about the same mistake. Every test runs under javac and ECJ,
 * each test naming both compilers' own message, as each words it.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Compilers.class)
class JavacErrorsTest {
  private static final String FC = "@Dense(out = 10) Layer fc;";

  @Parameter
  Compilers compiler;

  /**
   * Exactly one error, the compiler's own ({@code javac} or {@code ecj}, each compiler's wording of it), on the line
   * containing {@code line}; nothing from NetForge.
   */
  private void assertOnlyCompilerError(JavaFileObject source, String javac, String ecj, String line) {
    Compilation compilation = compiler.compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(compiler == Compilers.ECJ ? ecj : javac).inFile(source)
        .onLineContaining(line);
    assertWithMessage("NetForge diagnostics").that(compilation.diagnostics().stream()
        .map(d -> d.getMessage(Locale.ROOT)).filter(m -> m.contains("[nn.")).toList()).isEmpty();
  }

  @Test
  void convOut_string_givesOnlyJavacsError() {
    assertOnlyCompilerError(net("@Conv(out = \"x\", k = 3) Layer conv1;", FC), "incompatible types",
        "Type mismatch: cannot convert from java.lang.String to int", "@Conv(out = \"x\", k = 3)");
  }

  @Test
  void convOut_missing_givesOnlyJavacsError() {
    assertOnlyCompilerError(net("@Conv(k = 3) Layer conv1;", FC),
        "is missing a default value for the element 'out'",
        "The annotation @netforge.annotations.Conv must define the attribute out", "@Conv(k = 3) Layer conv1;");
  }

  @Test
  void dropout_string_givesOnlyJavacsError() {
    assertOnlyCompilerError(net("@Conv(out = 8, k = 3) @Dropout(\"half\") Layer conv1;", FC),
        "incompatible types", "Type mismatch: cannot convert from java.lang.String to double", "@Dropout(\"half\")");
  }

  @Test
  void layerType_unresolved_givesOnlyCannotFindSymbol() {
    assertOnlyCompilerError(net("@Conv(out = 8, k = 3) Layr conv1;", FC), "cannot find symbol",
        "Layr cannot be resolved to a type", "Layr conv1;");
  }

  @Test
  void classes_unresolvedConstant_givesOnlyCannotFindSymbol() {
    assertOnlyCompilerError(
        network("@Network(input = @Input(channels = 1, height = 28, width = 28), classes = CLASSES)",
            "abstract class Net", FC), "cannot find symbol",
        "CLASSES cannot be resolved to a variable", "classes = CLASSES");
  }

  @Test
  void inputWidth_missing_givesOnlyJavacsError() {
    assertOnlyCompilerError(network("@Network(input = @Input(channels = 1, height = 28), classes = 10)",
        "abstract class Net", FC), "is missing a default value for the element 'width'",
        "The annotation @netforge.annotations.Input must define the attribute width", "@Input(channels = 1");
  }

  @Test
  void denseOut_constantExpression_isEvaluated() {
    Compilation compilation =
        compiler.compile(net("static final int CLASSES = 5;", "@Dense(out = 2 * CLASSES) Layer fc;"));
    assertThat(compilation).succeededWithoutWarnings();
  }
}
