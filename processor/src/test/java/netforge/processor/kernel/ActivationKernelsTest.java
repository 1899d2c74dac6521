package netforge.processor.kernel;

import static com.google.common.truth.Truth.assertThat;
import static javax.tools.StandardLocation.CLASS_OUTPUT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.FileObject;
import netforge.processor.Sources;
import org.junit.jupiter.api.Test;

/**
 * The activations in generated programs: each fuses into the epilogue of the reduction before it, names its kernels
 * as ReLU does, and makes its stage keep the epilogue's input exactly where the derivative needs it. That the
 * kernels compute the right numbers is the examples' numerics tests' job (against the double reference).
 */
class ActivationKernelsTest {
  /** Every activation after every kind of reduction, with and without a stored pre-activation. */
  private static final String[] NET = {
      "@Conv(out = 6, k = 5, p = 2) @LeakyReLU(slope = 0.2) Layer c1;",
      "@MaxPool(k = 2) @Tanh Layer s2;",
      "@Conv(out = 8, k = 3) @GELU Layer c3;",
      "@AdaptiveAvgPool(h = 3, w = 3) @SiLU Layer pool;",
      "@LRN(size = 3) @Sigmoid Layer norm;",
      "@Dense(out = 16) @Tanh @Dropout(0.5) Layer fc;",
      "@Dense(out = 10) @LeakyReLU(slope = -0.5) Layer out;"};

  private static Compilation compile(String... fields) {
    Compilation compilation = Sources.compile(Sources.net(fields));
    assertThat(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
    return compilation;
  }

  private static String program(Compilation compilation) {
    return contents(compilation.generatedFile(CLASS_OUTPUT, "test/NetModel.cl").orElseThrow());
  }

  private static String model(Compilation compilation) {
    return contents(compilation.generatedSourceFile("test.NetModel").orElseThrow());
  }

  private static String contents(FileObject file) {
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of kernel or function {@code name}, from its header to its closing brace. */
  private static String body(String program, String header) {
    int start = program.indexOf(header);
    assertThat(start).isAtLeast(0);
    return program.substring(start, program.indexOf("\n}\n", start));
  }

  @Test
  void activations_fuseIntoTheReductionBefore_andNameItsKernels() {
    String program = program(compile(NET));
    assertThat(program).contains("__kernel void net_f01_conv_bias_leakyrelu(");
    assertThat(program).contains("__kernel void net_f02_maxpool_tanh(");
    assertThat(program).contains("__kernel void net_f03_conv_bias_gelu(");
    assertThat(program).contains("__kernel void net_f04_adaptive_avgpool_silu(");
    assertThat(program).contains("__kernel void net_f05_lrn_sigmoid(");
    assertThat(program).contains("__kernel void net_f06_dense_bias_tanh_dropout(");
    assertThat(program).contains("__kernel void net_f07_dense_bias_leakyrelu(");
    Matcher forward = Pattern.compile("__kernel void net_f\\d\\d_").matcher(program);
    int count = 0;
    while (forward.find()) {
      count++;
    }
    assertEquals(9, count, "two im2col kernels and one kernel per reduction: no activation runs alone");
  }

  @Test
  void preActivation_isAPlannedBuffer_exactlyWhereTheStoredOutputDoesNotGiveTheDerivative() {
    String model = model(compile(NET));
    // GELU and SiLU differentiate their input; tanh before dropout cannot read its own output; a negative slope
    // hides the input's sign
    for (String kept : new String[] {"pre03", "pre04", "pre06", "pre07"}) {
      assertThat(model).contains("b.put(\"" + kept + "\", (long) batch * ");
    }
    // a positive slope, tanh and sigmoid work from the stored output
    for (String notKept : new String[] {"pre01", "pre02", "pre05"}) {
      assertThat(model).doesNotContain("\"" + notKept + "\"");
    }
    assertThat(model).contains("b.put(\"pre03\", (long) batch * 1152L)"); // [8, 12, 12], the second conv's output
  }

  @Test
  void storedPreActivation_isWrittenInTrainingOnly_andReplayedBackward() {
    String program = program(compile(NET));
    String gemm = body(program, "__kernel void net_f03_conv_bias_gelu(");
    assertThat(gemm).contains("__global real* restrict pre");
    assertThat(gemm).contains("if (training) pre[o] = y;");
    assertThat(gemm).contains("if (training) vstore16(x, j, z);");
    String mask = body(program, "static inline real net_b06_dmask(");
    assertThat(mask).contains("const real z,");
    assertThat(mask).contains("const real v1 = tanh(v0);");
    // dropout's mask first (it is the last step), then tanh's derivative at the replayed output
    Sources.assertContainsInOrder(mask, "if (training) g = nf_keep(seed, step, 97u, o, ", "g *= (real)1 - v1 * v1;");
    assertThat(body(program, "__kernel void net_b06_mask_bias(")).contains("net_b06_dmask(dy[o], pre[o], o,");
  }

  @Test
  void outputDerivatives_readTheStoredOutput_withoutAnExtraBuffer() {
    String program = program(compile(NET));
    assertThat(body(program, "__kernel void net_f02_maxpool_tanh(")).doesNotContainMatch("\\bpre\\b");
    assertThat(body(program, "static inline real net_b02_dmask(")).contains("g *= (real)1 - y * y;");
    assertThat(body(program, "static inline real net_b05_dmask(")).contains("g *= y * ((real)1 - y);");
    assertThat(body(program, "static inline real net_b01_dmask(")).contains("g = y > 0 ? g : g * (real)0.2f;");
  }

  @Test
  void geluAndSigmoid_useTheirAccurateForms() {
    String program = program(compile(NET));
    assertThat(program).contains("y = (real)0.5f * y * erfc(-y * (real)0.70710677f);");
    assertThat(program).contains("x = (real)0.5f * x * erfc(-x * (real)0.70710677f);");
    assertThat(program).contains("(y >= 0 ? (real)1 : exp(-fabs(y))) / ((real)1 + exp(-fabs(y)))");
  }

  @Test
  void reluAndDropout_keepNoPreActivation() {
    Compilation compilation = compile("@Conv(out = 6, k = 5, p = 2) @ReLU @Dropout(0.5) Layer c1;",
        "@MaxPool(k = 2) @ReLU Layer s2;", "@Dense(out = 10) Layer out;");
    assertThat(program(compilation)).doesNotContainMatch("\\bpre\\b");
    assertThat(model(compilation)).doesNotContain("\"pre");
  }

  @Test
  void spec_describesEachActivationForTheRuntime() {
    String model = model(compile(NET));
    assertThat(model).contains("new netforge.runtime.spec.OpSpec.LeakyRelu(0.2)");
    assertThat(model).contains("new netforge.runtime.spec.OpSpec.LeakyRelu(-0.5)");
    assertThat(model).contains("new netforge.runtime.spec.OpSpec.Gelu()");
    assertThat(model).contains("new netforge.runtime.spec.OpSpec.Silu()");
    assertThat(model).contains("\"@Dense(out = 10) @LeakyReLU(slope = -0.5)\"");
  }
}
