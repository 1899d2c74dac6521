package netforge.processor.diag;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static netforge.processor.Sources.net;
import static netforge.processor.Sources.network;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import netforge.processor.Compilers;
import netforge.processor.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sizes that pass NetForge's 32-bit limits: every product saturates instead of wrapping, so the first layer past a
 * limit gets the one {@code nn.TooLarge} error, with its shape trace, and nothing after it is blamed.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Compilers.class)
class LimitDiagnosticsTest {
  @Parameter
  Compilers compiler;


  @Test
  void inputWhoseElementCountOverflowsALong_isOneTooLargeOnTheInput() {
    // 2^31 - 1 squared times 4 wraps a long to a small number: the old check let it through to a crash.
    JavaFileObject source = network("@Network(input = @Input(channels = 2147483647, height = 2147483647, width = 4),"
        + " classes = 10)", "abstract class Net", "@Flatten Layer flat;", "@Dense(out = 10) Layer fc;");
    Compilation compilation = compiler.compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[nn.TooLarge] Net: one input image [2147483647, 2147483647, 4]")
        .inFile(source).onLineContaining("channels = 2147483647");
  }

  @Test
  void denseWeightsPastTheLimit_areOneTooLargeOnOut_andTheLayersAfterAreNotBlamed() {
    // 784 x 3,000,000 weights; the wrong 'in' of the next layer is not reported on top.
    JavaFileObject source = net("@Dense(out = 3000000) Layer wide;", "@Dense(in = 5, out = 10) Layer fc;");
    Compilation compilation = compiler.compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[nn.TooLarge] wide: its weight tensor would have 2,352,000,000"
        + " elements, more than NetForge's limit of 2,147,483,647 per tensor")
        .inFile(source).onLineContaining("out = 3000000");
    assertThat(compilation).hadErrorContaining("input shape flows from:");
  }

  @Test
  void networkWithBillionsOfParametersInTotal_isOneTooLargeWhereTheTotalPassesTheLimit() {
    // Each layer is 784 x 1,000,000 = 784M weights (under the per-tensor limit); the third passes 2^31 in total.
    JavaFileObject source = net("@Dense(out = 1000000) Layer a;", "@Dense(out = 784) Layer b;",
        "@Dense(out = 1000000) Layer c;", "@Dense(out = 784) Layer d;", "@Dense(out = 10) Layer fc;");
    Compilation compilation = compiler.compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[nn.TooLarge] c: with this layer the network would have 2,354,000,784"
        + " parameters, more than NetForge's limit of 2,147,483,647 in total")
        .inFile(source).onLineContaining("Layer c;");
  }

  @Test
  void convolutionWhoseOutputPassesTheLimit_withHugeHyperParameters_isOneTooLarge() {
    // 2^31 - 2 of padding: window sizes near 2^32 must not wrap an int anywhere in the message.
    JavaFileObject source = net("@Conv(out = 64, k = 2147483647, p = 2147483646) Layer conv;",
        "@Dense(out = 10) Layer fc;");
    Compilation compilation = compiler.compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[nn.TooLarge] conv:").inFile(source)
        .onLineContaining("Layer conv;");
  }
}
