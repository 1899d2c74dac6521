package netforge.processor.diag;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static netforge.processor.Sources.net;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import netforge.processor.Compilers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code @BatchNorm}: where it may stand (alone, after a convolution or a dense layer, with elementwise steps after
 * it), its eps and momentum, and the name its tensors get. Every test runs under javac and ECJ.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Compilers.class)
class BatchNormDiagnosticsTest {
  private static final String FC = "@Dense(out = 10) Layer fc;";

  @Parameter
  Compilers compiler;

  @Test
  void batchNorm_alone_afterAConvolution_andAfterADenseLayer_compiles() {
    assertThat(compiler.compile(net("@BatchNorm Layer inputNorm;",
        "@Conv(out = 8, k = 3, bias = false) @BatchNorm @ReLU Layer conv1;", "@BatchNorm(eps = 1e-3) Layer bn1;",
        "@Dense(out = 16) @BatchNorm(momentum = 0.01) @Dropout(0.5) Layer fc1;", FC))).succeededWithoutWarnings();
  }

  @Test
  void eps_zero_reportsBatchNormParameterOnEps() {
    Compilation compilation = compiler.assertOneError(net("@Conv(out = 8, k = 3) @BatchNorm(eps = 0) Layer conv1;", FC),
        "[nn.BatchNormParameter] conv1: @BatchNorm(eps = 0.0) must be greater than 0, or a channel of equal values"
            + " divides by zero", "@BatchNorm(eps = ^0)");
    assertThat(compilation).hadErrorContaining("fix: leave it out for PyTorch's default, eps = 0.00001");
  }

  @Test
  void eps_notANumber_reportsBatchNormParameterOnEps() {
    assertOneNotANumberError("eps", "must be greater than 0");
  }

  /**
   * {@code Double.NaN} is an expression, not a literal: javac puts its caret on the member select's dot, ECJ on the
   * attribute's name as always.
   */
  private void assertOneNotANumberError(String attribute, String rule) {
    String annotation = "@BatchNorm(" + attribute + " = Double.NaN)";
    JavaFileObject source = net("@Conv(out = 8, k = 3) " + annotation + " Layer conv1;", FC);
    String marked = compiler == Compilers.JAVAC ? annotation.replace("Double.", "Double^.")
        : annotation.replace("Double", "^Double");
    compiler.assertOneError(source, "[nn.BatchNormParameter] conv1: @BatchNorm(" + attribute + " = NaN) " + rule, marked);
  }

  @Test
  void momentum_aboveOne_reportsBatchNormParameterOnMomentum() {
    Compilation compilation = compiler.assertOneError(net("@Conv(out = 8, k = 3) Layer conv1;",
            "@BatchNorm(momentum = 1.5) Layer bn1;", FC),
        "[nn.BatchNormParameter] bn1: @BatchNorm(momentum = 1.5) must be between 0 and 1, the weight of each batch"
            + " in the running statistics", "@BatchNorm(momentum = ^1.5)");
    assertThat(compilation).hadErrorContaining("fix: leave it out for PyTorch's default, momentum = 0.1");
  }

  @Test
  void momentum_negativeOrNotANumber_reportsBatchNormParameterOnMomentum() {
    compiler.assertOneError(net("@Conv(out = 8, k = 3) @BatchNorm(momentum = -0.1) Layer conv1;", FC),
        "[nn.BatchNormParameter] conv1: @BatchNorm(momentum = -0.1) must be between 0 and 1",
        "@BatchNorm(momentum = ^-0.1)");
    assertOneNotANumberError("momentum", "must be between 0 and 1");
  }

  @Test
  void momentum_zeroAndOne_compile() {
    assertThat(compiler.compile(net("@Conv(out = 8, k = 3) @BatchNorm(momentum = 0) Layer conv1;",
        "@BatchNorm(momentum = 1) Layer bn1;", FC))).succeededWithoutWarnings();
  }

  @Test
  void name_notATensorName_reportsBatchNormNameOnName() {
    Compilation compilation = compiler.assertOneError(net("@Conv(out = 8, k = 3) @BatchNorm(name = \"bn 1\") Layer conv1;",
            FC),
        "[nn.BatchNormName] conv1: @BatchNorm(name = \"bn 1\") is not a tensor name", "@BatchNorm(name = ^\"bn 1\")");
    assertThat(compilation).hadErrorContaining("fix: use parts of letters, digits and _ joined by dots");
  }

  @Test
  void name_ofAnotherLayersTensors_reportsBatchNormNameOnName() {
    Compilation compilation = compiler.assertOneError(net("@Conv(out = 8, k = 3) Layer conv1;",
            "@BatchNorm(name = \"fc\") Layer bn1;", FC),
        "[nn.BatchNormName] bn1: @BatchNorm(name = \"fc\") names its tensors as the layer fc names its own"
            + " (fc.weight, ...)", "@BatchNorm(name = ^\"fc\")");
    assertThat(compilation).hadErrorContaining("fix: give this BatchNorm another name, or leave name out");
  }

  @Test
  void name_ofAnEarlierBatchNorm_reportsTheSecond() {
    compiler.assertOneError(net("@Conv(out = 8, k = 3) @BatchNorm(name = \"layer1.0.bn1\") Layer conv1;",
            "@Conv(out = 8, k = 3) @BatchNorm(name = \"layer1.0.bn1\") Layer conv2;", FC),
        "[nn.BatchNormName] conv2: @BatchNorm(name = \"layer1.0.bn1\") names its tensors as the layer conv1 names its"
            + " own", "@BatchNorm(name = ^\"layer1.0.bn1\") Layer conv2;");
  }
}
