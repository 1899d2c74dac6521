package netforge.processor.diag;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static netforge.processor.Sources.net;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import netforge.processor.Compilers;
import netforge.processor.Sources.Caret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What is wrong with one layer field: its type, its modifiers, and which annotations it carries in which order.
 * Every test runs under javac and ECJ.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Compilers.class)
class FieldDiagnosticsTest {
  private static final String FC = "@Dense(out = 10) Layer fc;";
  private static final String INACCESSIBLE = "[nn.InaccessibleField] conv1: the layer field is %s, so the generated"
      + " NetModel cannot fill it";
  private static final String NOTHING_TO_ATTACH = "activations and dropout apply to the output of a layer, and no layer"
      + " comes before this one";

  @Parameter
  Compilers compiler;

  /** Compiles {@code source} and asserts it failed with exactly one error. */
  private Compilation failsOnce(JavaFileObject source) {
    Compilation compilation = compiler.compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    return compilation;
  }

  @Test
  void field_twoLayerAnnotations_reportsOnTheSecond() {
    JavaFileObject source = net("@Conv(out = 8, k = 3) @MaxPool(k = 2) Layer conv1;", FC);
    Compilation compilation = failsOnce(source);
    Caret at = compiler.caret(source, "^@MaxPool(k = 2) Layer conv1;");
    assertThat(compilation).hadErrorContaining("[nn.TwoLayerKinds] conv1: one field carries two layers, @Conv and"
        + " @MaxPool").inFile(source).onLine(at.line()).atColumn(at.column());
    assertThat(compilation).hadErrorContaining("fix: move @MaxPool to a field of its own; each field is one layer");
  }

  @Test
  void layerField_withoutAnnotation_reportsMissingLayerAnnotation() {
    JavaFileObject source = net("@Conv(out = 8, k = 3) Layer conv1;", "Layer nothing;", FC);
    Compilation compilation = failsOnce(source);
    Caret at = compiler.caret(source, "Layer ^nothing;");
    assertThat(compilation).hadErrorContaining("[nn.MissingLayerAnnotation] nothing: this Layer field has no layer"
        + " annotation").inFile(source).onLine(at.line()).atColumn(at.column());
    assertThat(compilation).hadErrorContaining("fix: annotate it with its layer");
  }

  @Test
  void convAnnotation_onIntField_reportsNotALayerField() {
    JavaFileObject source = net("@Conv(out = 8, k = 3) int conv1;", FC);
    Compilation compilation = failsOnce(source);
    assertThat(compilation).hadErrorContaining("[nn.NotALayerField] conv1: @Conv is on a field of type int, but layer"
        + " fields have type Layer").inFile(source).onLineContaining("@Conv(out = 8, k = 3) int conv1;");
    assertThat(compilation).hadErrorContaining("fix: declare it as 'Layer conv1;'");
  }

  @Test
  void layerField_private_reportsInaccessibleField() {
    JavaFileObject source = net("@Conv(out = 8, k = 3) private Layer conv1;", FC);
    Compilation compilation = failsOnce(source);
    assertThat(compilation).hadErrorContaining(String.format(INACCESSIBLE, "private"))
        .inFile(source).onLineContaining("private Layer conv1;");
    assertThat(compilation).hadErrorContaining("fix: remove 'private'; package-private is enough");
  }

  @Test
  void layerField_static_reportsInaccessibleField() {
    JavaFileObject source = net("@Conv(out = 8, k = 3) static Layer conv1;", FC);
    Compilation compilation = failsOnce(source);
    assertThat(compilation).hadErrorContaining(String.format(INACCESSIBLE, "static"))
        .inFile(source).onLineContaining("static Layer conv1;");
  }

  @Test
  void layerField_final_reportsInaccessibleField() {
    JavaFileObject source = net("@Conv(out = 8, k = 3) final Layer conv1 = null;", FC);
    Compilation compilation = failsOnce(source);
    assertThat(compilation).hadErrorContaining(String.format(INACCESSIBLE, "final"))
        .inFile(source).onLineContaining("final Layer conv1 = null;");
    assertThat(compilation).hadErrorContaining("fix: remove 'final'");
  }

  @Test
  void relu_onFirstFieldAlone_reportsNothingToAttach() {
    JavaFileObject source = net("@ReLU Layer act;", FC);
    Compilation compilation = failsOnce(source);
    Caret at = compiler.caret(source, "^@ReLU Layer act;");
    assertThat(compilation).hadErrorContaining("[nn.NothingToAttach] act: @ReLU has no layer before it to attach to")
        .inFile(source).onLine(at.line()).atColumn(at.column());
    assertThat(compilation).hadErrorContaining(NOTHING_TO_ATTACH);
    assertThat(compilation).hadErrorContaining("fix: remove it, or move it to a field after the first layer");
  }

  @Test
  void relu_writtenBeforeConvOnFirstField_reportsNothingToAttach() {
    JavaFileObject source = net("@ReLU @Conv(out = 8, k = 3) Layer conv1;", FC);
    Compilation compilation = failsOnce(source);
    assertThat(compilation).hadErrorContaining("[nn.NothingToAttach] conv1: @ReLU has no layer before it to attach"
        + " to").inFile(source).onLineContaining("@ReLU @Conv(out = 8, k = 3) Layer conv1;");
    assertThat(compilation).hadErrorContaining(NOTHING_TO_ATTACH);
    assertThat(compilation).hadErrorContaining("fix: write @ReLU after @Conv (annotations apply in the order"
        + " written), or remove it");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"@LeakyReLU", "@Tanh", "@Sigmoid", "@GELU", "@SiLU", "@LeakyReLU(slope = 0.2)"})
  void activation_writtenBeforeConvOnFirstField_reportsNothingToAttachOnIt(String activation) {
    JavaFileObject source = net(activation + " @Conv(out = 8, k = 3) Layer conv1;", FC);
    Compilation compilation = failsOnce(source);
    String name = activation.replaceAll("\\(.*", "");
    Caret at = compiler.caret(source, "^" + activation + " @Conv");
    assertThat(compilation).hadErrorContaining("[nn.NothingToAttach] conv1: " + name + " has no layer before it to"
        + " attach to").inFile(source).onLine(at.line()).atColumn(at.column());
    assertThat(compilation).hadErrorContaining(NOTHING_TO_ATTACH);
    assertThat(compilation).hadErrorContaining("fix: write " + name + " after @Conv (annotations apply in the order"
        + " written), or remove it");
  }

  @Test
  void activations_afterALayer_inAnyOrderAndNumber_compile() {
    assertThat(compiler.compile(net("@Conv(out = 8, k = 3) @GELU @Dropout(0.2) @Tanh Layer conv1;",
        "@LeakyReLU(slope = -1) @Sigmoid @SiLU @ReLU Layer act;", FC))).succeededWithoutWarnings();
  }

  @Test
  void dropout_afterFlattenOfTheInput_reportsNothingToAttach() {
    JavaFileObject source = net("@Flatten @Dropout(0.2) Layer flat;", FC);
    Compilation compilation = failsOnce(source);
    assertThat(compilation).hadErrorContaining("[nn.NothingToAttach] flat: @Dropout has no layer before it")
        .inFile(source).onLineContaining("@Flatten @Dropout(0.2) Layer flat;");
  }

  @Test
  void relu_onFieldAfterALayer_compiles() {
    Compilation compilation = compiler.compile(net("@Conv(out = 8, k = 3) Layer conv1;", "@ReLU Layer act;", FC));
    assertThat(compilation).succeededWithoutWarnings();
  }
}
