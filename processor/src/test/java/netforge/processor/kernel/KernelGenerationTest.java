package netforge.processor.kernel;

import static com.google.common.truth.Truth.assertThat;
import static javax.tools.StandardLocation.CLASS_OUTPUT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netforge.processor.Sources;
import org.junit.jupiter.api.Test;

/** The OpenCL program the processor writes: deterministic, fused, named by stage. */
class KernelGenerationTest {
  private static final String NET = String.join("\n",
      "package test;",
      "import netforge.annotations.*;",
      "@Network(input = @Input(channels = 1, height = 28, width = 28), classes = 10)",
      "abstract class Net {",
      "  @Conv(out = 6, k = 5, p = 2) @ReLU Layer c1;",
      "  @MaxPool(k = 2) Layer s2;",
      "  @Dropout(0.5) @Dense(out = 32) @ReLU Layer fc;",
      "  @Dense(out = 10) Layer out;",
      "}");

  private static String program() throws IOException {
    Compilation compilation = Sources.compile(JavaFileObjects.forSourceString("test.Net", NET));
    assertThat(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
    try (InputStream in = compilation.generatedFile(CLASS_OUTPUT, "test/NetModel.cl").orElseThrow()
        .openInputStream()) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void generation_isDeterministic_byteForByte() throws IOException {
    assertEquals(program(), program());
  }

  @Test
  void convBiasRelu_isOneKernel_andNoKernelAppliesReluAlone() throws IOException {
    String program = program();
    assertThat(program).contains("__kernel void net_f01_conv_bias_relu(");
    assertThat(program).doesNotContainMatch("__kernel void \\w+_[fb]\\d\\d_relu");
    assertThat(program).contains("__kernel void net_f02_maxpool_dropout(");
    assertThat(program).contains("__kernel void net_f03_dense_bias_relu(");
    assertThat(program).contains("__kernel void net_softmax_cross_entropy(");
  }

  @Test
  void forwardKernels_oneReductionEach() throws IOException {
    Matcher forward = Pattern.compile("__kernel void net_f\\d\\d_").matcher(program());
    int count = 0;
    while (forward.find()) {
      count++;
    }
    // c1: im2col + fused GEMM; s2: pool with dropout; fc, out: fused GEMMs
    assertEquals(5, count);
  }

  @Test
  void shapes_areBakedInAsConstants() throws IOException {
    String program = program();
    assertThat(program).contains("inside = n < n_cols && ih >= 0 && ih < 28 && iw >= 0 && iw < 28;");
    assertThat(program).contains("#ifndef TM");
  }
}
