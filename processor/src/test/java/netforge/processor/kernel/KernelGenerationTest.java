package netforge.processor.kernel;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
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

  /** A second convolution, so col2im is generated, and a padded average pool. */
  private static final String DEEP_NET = String.join("\n",
      "package test;",
      "import netforge.annotations.*;",
      "@Network(input = @Input(channels = 1, height = 28, width = 28), classes = 10)",
      "abstract class Net {",
      "  @Conv(out = 6, k = 5, p = 2) @ReLU Layer c1;",
      "  @MaxPool(k = 3, s = 2) Layer s2;",
      "  @Conv(out = 8, k = 3, s = 2, p = 1) @ReLU Layer c3;",
      "  @AvgPool(k = 3, s = 2, p = 1) Layer s4;",
      "  @Dense(out = 10) Layer out;",
      "}");

  /** BatchNorm2d after a bias-free convolution, with a ReLU after it, and BatchNorm1d after a dense layer. */
  private static final String BATCH_NORM_NET = String.join("\n",
      "package test;",
      "import netforge.annotations.*;",
      "@Network(input = @Input(channels = 1, height = 28, width = 28), classes = 10)",
      "abstract class Net {",
      "  @Conv(out = 6, k = 5, p = 2, bias = false) @BatchNorm @ReLU Layer c1;",
      "  @MaxPool(k = 2) Layer s2;",
      "  @Dense(out = 32) @BatchNorm(momentum = 0.25) Layer fc;",
      "  @Dense(out = 10) Layer out;",
      "}");

  private static String program() throws IOException {
    return program(NET);
  }

  private static String program(String source) throws IOException {
    Compilation compilation = Sources.compile(JavaFileObjects.forSourceString("test.Net", source));
    assertThat(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
    try (InputStream in = compilation.generatedFile(CLASS_OUTPUT, "test/NetModel.cl").orElseThrow()
        .openInputStream()) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void samePaddingWrittenPerAxis_generatesTheSameProgramAsP() throws IOException {
    String perAxis = DEEP_NET.replace("k = 5, p = 2", "k = 5, ph = 2, pw = 2")
        .replace("s = 2, p = 1) @ReLU", "s = 2, ph = 1, pw = 1) @ReLU").replace("@AvgPool(k = 3, s = 2, p = 1)",
            "@AvgPool(k = 3, s = 2, ph = 1, pw = 1)");
    assertThat(perAxis).doesNotContain("p = ");
    assertEquals(program(DEEP_NET), program(perAxis));
  }

  @Test
  void paddingPerAxis_offsetsRowsAndColumnsByTheirOwnPadding() throws IOException {
    String program = program(DEEP_NET.replace("s = 2, p = 1) @ReLU", "s = 2, ph = 0, pw = 2) @ReLU")
        .replace("@AvgPool(k = 3, s = 2, p = 1)", "@AvgPool(k = 3, s = 2, ph = 1, pw = 0)"));
    assertThat(program).contains("convolution [6, 13, 13] -> [8, 6, 8], kernel 3x3, stride 2, padding 0x2");
    assertThat(program).contains("const int16 ih = oh * 2 - 0 + kh, iw = ow * 2 - 2 + kw;");
    assertThat(program).contains("average pooling [8, 6, 8] -> [8, 3, 3], window 3, stride 2, padding 1x0");
    assertThat(program).contains("const int ih = oh * 2 - 1 + kh;");
    assertThat(program).contains("const int iw = ow * 2 - 0 + kw;");
  }

  @Test
  void groupsOfOne_generatesTheSameProgramAsWithoutGroups() throws IOException {
    String written = DEEP_NET.replace("@Conv(out = 6, k = 5, p = 2)", "@Conv(out = 6, k = 5, p = 2, groups = 1)")
        .replace("@Conv(out = 8, k = 3, s = 2, p = 1)", "@Conv(out = 8, k = 3, s = 2, p = 1, groups = 1)");
    assertThat(written).contains("groups = 1");
    assertEquals(program(DEEP_NET), program(written));
  }

  @Test
  void groupedConv_offsetsEveryKernelByItsGroupsChannels() throws IOException {
    String program = program(DEEP_NET.replace("@Conv(out = 8, k = 3, s = 2, p = 1)",
        "@Conv(out = 12, k = 3, s = 2, p = 1, groups = 2)"));
    assertThat(program).contains("convolution [6, 13, 13] -> [12, 7, 7], kernel 3x3, stride 2, padding 1, 2 groups"
        + " of 3 -> 6 channels");
    // im2col reads group g's 3 input channels, its transpose for dW the same, col2im writes them back
    assertThat(program).contains("const __global real* channel = src + ((size_t)n0 * 6 + g * 3 + ci) * 169;");
    assertThat(program).contains("const __global real* image = src + (size_t)(n0 + img) * 1014 + g * 507;");
    assertThat(program).contains("dx[((size_t)(n0 + img) * 6 + g * 3 + c) * 169 + ih * 13 + iw] = sum;");
    // the GEMM's row m is channel g * 6 + m of the output, and of the bias
    assertThat(program).contains("const int ch = g * 6 + m;");
    assertThat(program).containsMatch("real y = v \\+ params\\[\\d+L \\+ ch\\];");
  }

  @Test
  void depthwiseConv_runsOnKernelsOfItsOwn_notOnGemms() throws IOException {
    String program = program(DEEP_NET.replace("@Conv(out = 8, k = 3, s = 2, p = 1)",
        "@Conv(out = 12, k = 3, s = 2, p = 1, groups = 6)"));
    assertThat(program).contains("depthwise convolution [6, 13, 13] -> [12, 7, 7], kernel 3x3, stride 2, padding 1, 2"
        + " output channels per input channel");
    assertThat(program).contains("__kernel void net_f03_depthwise_bias_relu(");
    assertThat(program).contains("__kernel void net_b03_depthwise_dw_rows(");
    assertThat(program).contains("__kernel void net_b03_depthwise_dw(");
    assertThat(program).contains("__kernel void net_b03_depthwise_dx(");
    assertThat(program).doesNotContainMatch("net_[fb]03_(im2col|conv|pack_cols|col2im)");
    // output channel c reads input channel c / 2, its 2 output channels' gradients gather into each input pixel
    assertThat(program).contains("const __global real* xp = x + (plane / 12 * 6 + c / 2) * 169;");
    assertThat(program).contains("for (int m = 0; m < 2; ++m) {");
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

  /**
   * PoCL vectorizes a kernel across work-items only when its body has no data-dependent branches; pooling and
   * col2im with branches in their windows ran 8x slower. Only the bounds guard and the uniform dropout test remain.
   */
  @Test
  void poolingAndCol2im_haveNoBranchesInsideTheirWindows() throws IOException {
    assertEquals(5, assertNoBranchesInside(program(DEEP_NET), "maxpool|avgpool|col2im"),
        "max pool forward and backward, average pool forward and backward, col2im");
  }

  @Test
  void depthwiseKernels_haveNoBranchesInsideTheirWindows() throws IOException {
    String padded = program(DEEP_NET.replace("@Conv(out = 8, k = 3, s = 2, p = 1)",
        "@Conv(out = 12, k = 3, s = 2, p = 1, groups = 6)"));
    assertEquals(4, assertNoBranchesInside(padded, "depthwise"), "forward, dW of the rows, dW, dX");
  }

  /** Asserts that the kernels whose names match {@code kinds} only branch to leave; returns how many there were. */
  private static int assertNoBranchesInside(String program, String kinds) {
    Matcher kernel = Pattern.compile("__kernel void (net_[fb]\\d\\d_(?:" + kinds + ")\\w*)\\(").matcher(program);
    int checked = 0;
    while (kernel.find()) {
      String body = program.substring(kernel.start(), program.indexOf("\n}\n", kernel.start()));
      for (String line : body.lines().toList()) {
        String code = line.strip();
        boolean allowed = code.matches("if \\((row|t) >= .*\\) return;") || code.startsWith("if (training)");
        assertWithMessage("%s: %s", kernel.group(1), code)
            .that(allowed || !(code.startsWith("if (") || code.contains("continue") || code.contains("break")))
            .isTrue();
      }
      checked++;
    }
    return checked;
  }

  @Test
  void shapes_areBakedInAsConstants() throws IOException {
    String program = program();
    assertThat(program).contains("inside = n < n_cols && ih >= 0 && ih < 28 && iw >= 0 && iw < 28;");
    assertThat(program).contains("#ifndef TM");
  }

  @Test
  void batchNorm_hasItsReductionsAsKernelsOfTheirOwn_andTheReluFusedIntoItsNormalisation() throws IOException {
    String program = program(BATCH_NORM_NET);
    Matcher kernel = Pattern.compile("__kernel void (net_[fb]0[245]_\\w+)\\(").matcher(program);
    java.util.List<String> names = new java.util.ArrayList<>();
    while (kernel.find()) {
      names.add(kernel.group(1));
    }
    assertEquals(java.util.List.of("net_f02_batchnorm_partials", "net_f02_batchnorm_statistics",
        "net_f02_batchnorm_relu", "net_b02_batchnorm_partials", "net_b02_batchnorm_sums", "net_b02_batchnorm_dx",
        "net_f04_dense_bias", "net_f05_batchnorm_partials", "net_f05_batchnorm_statistics", "net_f05_batchnorm",
        "net_b05_batchnorm_partials", "net_b05_batchnorm_sums", "net_b05_batchnorm_dx"),
        names.stream().filter(n -> n.contains("batchnorm") || n.startsWith("net_f04_")).toList());
    assertThat(program).contains("__kernel void net_f01_conv(");
    // the running statistics: 6 channels of c1's at 0 and 6, 32 features of fc's at 12 and 44
    assertThat(program).contains("state[44L + c] = (real)0.75f * state[44L + c] + (real)0.25f * (m2 / (count - (real)1));");
    assertThat(program).contains("const real mean = training ? stats[c] : state[0L + c];");
    assertThat(program).contains("m2 += partials[at + 1] + (real)784 * d * d;");
  }
}
