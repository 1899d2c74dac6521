package netforge.runtime.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import netforge.runtime.onnx.proto.OnnxProtos.NodeProto;
import netforge.runtime.spec.LayerSpec;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.OpSpec;
import netforge.runtime.spec.ParamSpec;
import netforge.runtime.testing.ErrorFunction;
import netforge.runtime.testing.OnnxRuntimeInference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each step whose ONNX form is not a one-to-one translation, exported alone and run in ONNX Runtime, against its
 * PyTorch definition computed here in double precision (independently of NetForge's kernels, which the examples'
 * export tests compare with ONNX Runtime on whole networks).
 */
class OnnxOperatorsTest {
  /**
   * Every output here is a sum of at most 12 fp32 terms of magnitude about 1, a normalisation through fp32
   * {@code pow}, or an activation through ONNX Runtime's fp32 {@code tanh}, {@code erf} or {@code exp}: rounding
   * stays below 12 x 6e-8 = 7e-7 of the output's scale, and 1.3e-7 was measured (ONNX Runtime 1.29 on x86-64;
   * 1.5e-7 for Tanh, whose kernel is a rational approximation). 1e-6 is far below what a wrong window or divisor
   * gives (0.84 for count_include_pad = 0; an even LRN size as ONNX's LRN does not even load), and than GELU's
   * tanh approximation differs from the exact GELU (up to 4.7e-4 near |x| = 2, on a scale of about 10 here).
   */
  private static final double TOLERANCE = 1e-6;
  private static final int BATCH = 3;

  @TempDir Path dir;

  @Test
  void adaptivePool_unevenWindows_matchPyTorch() throws IOException {
    int[] in = {2, 5, 4};
    NetworkSpec spec = OneStepNetworks.of(new OpSpec.AdaptiveAvgPool(3, 3), in, new int[] {2, 3, 3});
    double[] x = random(BATCH * 40, 1);
    assertMatches(spec, x, adaptiveAverage(x, in, 3, 3));
    assertEquals(List.of("MatMul", "MatMul"), computeOps(spec), "uneven windows are two averaging matrices");
  }

  @Test
  void adaptivePool_upsampling_likeAlexNetCifar_matchesPyTorch() throws IOException {
    int[] in = {3, 4, 4};
    NetworkSpec spec = OneStepNetworks.of(new OpSpec.AdaptiveAvgPool(6, 6), in, new int[] {3, 6, 6});
    double[] x = random(BATCH * 48, 2);
    assertMatches(spec, x, adaptiveAverage(x, in, 6, 6));
  }

  @Test
  void adaptivePool_regularWindows_isAnAveragePool() throws IOException {
    int[] in = {2, 7, 12};
    NetworkSpec spec = OneStepNetworks.of(new OpSpec.AdaptiveAvgPool(3, 6), in, new int[] {2, 3, 6});
    double[] x = random(BATCH * 168, 3);
    assertMatches(spec, x, adaptiveAverage(x, in, 3, 6));
    assertEquals(List.of("AveragePool"), computeOps(spec));
  }

  @Test
  void adaptivePool_toOnePixel_isAGlobalAveragePool() throws IOException {
    int[] in = {4, 3, 5};
    NetworkSpec spec = OneStepNetworks.of(new OpSpec.AdaptiveAvgPool(1, 1), in, new int[] {4, 1, 1});
    double[] x = random(BATCH * 60, 4);
    assertMatches(spec, x, adaptiveAverage(x, in, 1, 1));
    assertEquals(List.of("GlobalAveragePool"), computeOps(spec));
  }

  @Test
  void lrn_oddSize_isOnnxsLrn_andMatchesPyTorch() throws IOException {
    int[] in = {7, 2, 3};
    OpSpec.Lrn lrn = new OpSpec.Lrn(5, 0.1, 0.75, 2);
    NetworkSpec spec = OneStepNetworks.of(lrn, in, in);
    double[] x = random(BATCH * 42, 5);
    assertMatches(spec, x, lrn(x, in, lrn));
    assertEquals(List.of("LRN"), computeOps(spec));
  }

  @ParameterizedTest(name = "size {0}")
  @ValueSource(ints = {2, 4, 8})
  void lrn_evenSize_usesPyTorchsWindow_notOnnxs(int size) throws IOException {
    int[] in = {6, 2, 2};
    OpSpec.Lrn lrn = new OpSpec.Lrn(size, 0.5, 0.6, 1);
    NetworkSpec spec = OneStepNetworks.of(lrn, in, in);
    double[] x = random(BATCH * 24, 6);
    assertMatches(spec, x, lrn(x, in, lrn));
    assertFalse(computeOps(spec).contains("LRN"), "ONNX's LRN centres an even window one channel off");
  }

  @Test
  void averagePool_padded_countsThePaddingAsPyTorchsDefaultDoes() throws IOException {
    int[] in = {2, 6, 5};
    OpSpec.Pool pool = new OpSpec.Pool(false, 3, 2, 1);
    NetworkSpec spec = OneStepNetworks.of(pool, in, new int[] {2, 3, 3});
    double[] x = random(BATCH * 60, 7);
    assertMatches(spec, x, pool(x, in, pool));
  }

  @Test
  void maxPool_padded_neverPicksThePadding() throws IOException {
    int[] in = {2, 4, 5};
    OpSpec.Pool pool = new OpSpec.Pool(true, 3, 1, 1);
    NetworkSpec spec = OneStepNetworks.of(pool, in, in);
    double[] x = random(BATCH * 40, 8);
    for (int i = 0; i < x.length; i++) {
      x[i] = -1 - Math.abs(x[i]); // all negative: a zero from the padding would win every border window
    }
    assertMatches(spec, x, pool(x, in, pool));
  }

  @Test
  void maxPool_paddedPerAxis_writesPadsAsTopLeftBottomRight() throws IOException {
    int[] in = {2, 5, 4};
    OpSpec.Pool pool = new OpSpec.Pool(true, 3, 1, 0, 1);
    NetworkSpec spec = OneStepNetworks.of(pool, in, new int[] {2, 3, 4});
    double[] x = random(BATCH * 40, 11);
    for (int i = 0; i < x.length; i++) {
      x[i] = -1 - Math.abs(x[i]); // all negative: a zero from the padding would win every border window
    }
    assertMatches(spec, x, pool(x, in, pool));
  }

  @Test
  void averagePool_paddedPerAxis_padsEachAxisByItsOwnAmount() throws IOException {
    int[] in = {2, 6, 5};
    OpSpec.Pool pool = new OpSpec.Pool(false, 3, 2, 1, 0);
    NetworkSpec spec = OneStepNetworks.of(pool, in, new int[] {2, 3, 2});
    double[] x = random(BATCH * 60, 12);
    assertMatches(spec, x, pool(x, in, pool));
  }

  static Stream<Arguments> activations() {
    return Stream.of(
        arguments(new OpSpec.LeakyRelu(0.2), List.of("LeakyRelu")),
        arguments(new OpSpec.LeakyRelu(-0.5), List.of("LeakyRelu")),
        arguments(new OpSpec.Tanh(), List.of("Tanh")),
        arguments(new OpSpec.Sigmoid(), List.of("Sigmoid")),
        arguments(new OpSpec.Gelu(), List.of("Div", "Erf", "Add", "Mul", "Mul")),  // no Gelu before opset 20
        arguments(new OpSpec.Silu(), List.of("Sigmoid", "Mul")));
  }

  /**
   * Each activation on inputs spread over [-12, 12] (both saturated tails of tanh and sigmoid, GELU's vanishing
   * negative side), against PyTorch's definition in double precision.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("activations")
  void activation_matchesPyTorchsDefinition(OpSpec activation, List<String> nodes) throws IOException {
    int[] in = {2, 3, 4};
    NetworkSpec spec = OneStepNetworks.of(activation, in, in);
    double[] x = random(BATCH * 24, 13);
    double[] expected = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      x[i] *= 4;
      expected[i] = activation(activation, (float) x[i]);
    }
    assertMatches(spec, x, expected);
    assertEquals(nodes, computeOps(spec));
  }

  /** PyTorch's definitions of the activations. */
  private static double activation(OpSpec op, double x) {
    if (op instanceof OpSpec.LeakyRelu leaky) {
      return x > 0 ? x : (float) leaky.slope() * x;
    } else if (op instanceof OpSpec.Tanh) {
      return Math.tanh(x);
    } else if (op instanceof OpSpec.Sigmoid) {
      return 1 / (1 + Math.exp(-x));
    } else if (op instanceof OpSpec.Gelu) {
      return x * ErrorFunction.normalCdf(x);
    }
    return x / (1 + Math.exp(-x)); // SiLU
  }

  @Test
  void dense_afterAnImage_flattensInNchwOrder_withPyTorchsWeightLayout() throws IOException {
    int[] in = {2, 3, 2};
    int out = 4;
    LayerSpec fc = new LayerSpec("fc", "@Dense(out = 4)", List.of(new OpSpec.Dense(out, true)), in,
        new int[] {out}, 12 * out + out, 0);
    NetworkSpec spec = new NetworkSpec("Linear", in, out, List.of(fc),
        List.of(new ParamSpec("fc.weight", new int[] {out, 12}, 0, 12), new ParamSpec("fc.bias", new int[] {out},
            48, 12)));
    float[] params = toFloat(random(52, 9));
    double[] x = random(BATCH * 12, 10);
    double[] expected = new double[BATCH * out];
    for (int n = 0; n < BATCH; n++) {
      for (int o = 0; o < out; o++) {
        double sum = params[48 + o];
        for (int f = 0; f < 12; f++) {
          sum += (double) params[o * 12 + f] * (float) x[n * 12 + f];
        }
        expected[n * out + o] = sum;
      }
    }
    assertMatches(spec, params, x, expected);
  }

  @ParameterizedTest(name = "{0} groups, {1} -> {2} channels, kernel {3}")
  @CsvSource({
      "3, 3, 6, 3, 1",   // depthwise with a channel multiplier of 2: 9 products and the bias per output
      "2, 4, 6, 2, 0"})  // two groups of 2 -> 3 channels: 8 products and the bias per output
  void conv_grouped_isOnnxsGroup_withPyTorchsWeightLayout(int groups, int channels, int out, int k, int pad)
      throws IOException {
    int[] in = {channels, 5, 4};
    int[] shape = {out, 5 + 2 * pad - k + 1, 4 + 2 * pad - k + 1};
    int classes = shape[0] * shape[1] * shape[2];
    int weights = out * (channels / groups) * k * k;
    OpSpec.Conv conv = new OpSpec.Conv(out, k, k, 1, pad, pad, true, groups);
    LayerSpec layer = new LayerSpec("conv", "@Conv(groups = " + groups + ")", List.of(conv), in, shape,
        weights + out, 0);
    LayerSpec flat = new LayerSpec("flat", "@Flatten", List.of(new OpSpec.Flatten()), shape, new int[] {classes}, 0,
        0);
    int fanIn = channels / groups * k * k;
    NetworkSpec spec = new NetworkSpec("Grouped", in, classes, List.of(layer, flat), List.of(
        new ParamSpec("conv.weight", new int[] {out, channels / groups, k, k}, 0, fanIn),
        new ParamSpec("conv.bias", new int[] {out}, weights, fanIn)));
    float[] params = toFloat(random(weights + out, 13));
    double[] x = random(BATCH * channels * 20, 14);
    assertMatches(spec, params, x, groupedConv(x, in, shape, conv, params));
    NodeProto node = OnnxExport.model(spec, params).getGraph().getNodeList().stream()
        .filter(n -> n.getOpType().equals("Conv")).findFirst().orElseThrow();
    assertEquals(List.of((long) groups), node.getAttributeList().stream().filter(a -> a.getName().equals("group"))
        .map(a -> a.getI()).toList());
  }

  private List<String> computeOps(NetworkSpec spec) {
    return OnnxExport.model(spec, new float[0]).getGraph().getNodeList().stream().map(NodeProto::getOpType)
        .filter(op -> !op.equals("Constant") && !op.equals("Flatten")).toList();
  }

  private void assertMatches(NetworkSpec spec, double[] input, double[] expected) throws IOException {
    assertMatches(spec, new float[0], input, expected);
  }

  private void assertMatches(NetworkSpec spec, float[] params, double[] input, double[] expected)
      throws IOException {
    Path file = dir.resolve(spec.name() + ".onnx");
    OnnxExport.write(spec, params, file);
    OnnxRuntimeInference.Output output = OnnxRuntimeInference.run(file, toFloat(input), BATCH, spec.inputShape());
    assertArrayEquals(new long[] {BATCH, spec.classes()}, output.shape());
    double scale = 0;
    double error = 0;
    for (int i = 0; i < expected.length; i++) {
      scale = Math.max(scale, Math.abs(expected[i]));
      error = Math.max(error, Math.abs(output.values()[i] - expected[i]));
    }
    double relative = error / scale;
    assertTrue(relative <= TOLERANCE, String.format(Locale.ROOT, "max |onnx - reference| = %.3g of the scale %.3g",
        relative, scale));
  }

  /** PyTorch's adaptive_avg_pool2d: window {@code [floor(i * H / oh), ceil((i + 1) * H / oh))}. */
  private static double[] adaptiveAverage(double[] x, int[] in, int oh, int ow) {
    int c = in[0];
    int h = in[1];
    int w = in[2];
    double[] y = new double[BATCH * c * oh * ow];
    for (int plane = 0; plane < BATCH * c; plane++) {
      for (int i = 0; i < oh; i++) {
        int h0 = (int) Math.floor((double) i * h / oh);
        int h1 = (int) Math.ceil((double) (i + 1) * h / oh);
        for (int j = 0; j < ow; j++) {
          int w0 = (int) Math.floor((double) j * w / ow);
          int w1 = (int) Math.ceil((double) (j + 1) * w / ow);
          double sum = 0;
          for (int a = h0; a < h1; a++) {
            for (int b = w0; b < w1; b++) {
              sum += (float) x[(plane * h + a) * w + b];
            }
          }
          y[(plane * oh + i) * ow + j] = sum / ((h1 - h0) * (w1 - w0));
        }
      }
    }
    return y;
  }

  /** PyTorch's local_response_norm: channels {@code c - size/2} to {@code c + (size-1)/2}, alpha divided by size. */
  private static double[] lrn(double[] x, int[] in, OpSpec.Lrn lrn) {
    int c = in[0];
    int plane = in[1] * in[2];
    double[] y = new double[x.length];
    for (int n = 0; n < BATCH; n++) {
      for (int ch = 0; ch < c; ch++) {
        for (int p = 0; p < plane; p++) {
          double sum = 0;
          for (int j = Math.max(0, ch - lrn.size() / 2); j <= Math.min(c - 1, ch + (lrn.size() - 1) / 2); j++) {
            double v = (float) x[(n * c + j) * plane + p];
            sum += v * v;
          }
          int at = (n * c + ch) * plane + p;
          y[at] = (float) x[at] / Math.pow(lrn.k() + lrn.alpha() / lrn.size() * sum, lrn.beta());
        }
      }
    }
    return y;
  }

  /** PyTorch's max_pool2d and avg_pool2d (count_include_pad=True: every window divides by k * k). */
  private static double[] pool(double[] x, int[] in, OpSpec.Pool pool) {
    int c = in[0];
    int h = in[1];
    int w = in[2];
    int k = pool.k();
    int s = pool.stride();
    int ph = pool.padH();
    int pw = pool.padW();
    int oh = (h + 2 * ph - k) / s + 1;
    int ow = (w + 2 * pw - k) / s + 1;
    double[] y = new double[BATCH * c * oh * ow];
    for (int plane = 0; plane < BATCH * c; plane++) {
      for (int i = 0; i < oh; i++) {
        for (int j = 0; j < ow; j++) {
          double best = Double.NEGATIVE_INFINITY;
          double sum = 0;
          for (int a = i * s - ph; a < i * s - ph + k; a++) {
            for (int b = j * s - pw; b < j * s - pw + k; b++) {
              if (a >= 0 && a < h && b >= 0 && b < w) {
                double v = (float) x[(plane * h + a) * w + b];
                best = Math.max(best, v);
                sum += v;
              }
            }
          }
          y[(plane * oh + i) * ow + j] = pool.max() ? best : sum / (k * k);
        }
      }
    }
    return y;
  }

  /**
   * PyTorch's conv2d with {@code groups}: output channel {@code o} sums over the {@code in / groups} input channels
   * of its group, {@code o / (out / groups)}, with weights {@code [out, in / groups, kh, kw]}.
   */
  private static double[] groupedConv(double[] x, int[] in, int[] out, OpSpec.Conv conv, float[] params) {
    int perGroup = in[0] / conv.groups();
    int weights = conv.out() * perGroup * conv.kh() * conv.kw();
    double[] y = new double[BATCH * out[0] * out[1] * out[2]];
    for (int n = 0; n < BATCH; n++) {
      for (int o = 0; o < conv.out(); o++) {
        int first = o / (conv.out() / conv.groups()) * perGroup;
        for (int i = 0; i < out[1]; i++) {
          for (int j = 0; j < out[2]; j++) {
            double sum = params[weights + o];
            for (int c = 0; c < perGroup; c++) {
              for (int a = 0; a < conv.kh(); a++) {
                for (int b = 0; b < conv.kw(); b++) {
                  int ih = i * conv.stride() - conv.padH() + a;
                  int iw = j * conv.stride() - conv.padW() + b;
                  if (ih >= 0 && ih < in[1] && iw >= 0 && iw < in[2]) {
                    sum += (double) params[((o * perGroup + c) * conv.kh() + a) * conv.kw() + b]
                        * (float) x[((n * in[0] + first + c) * in[1] + ih) * in[2] + iw];
                  }
                }
              }
            }
            y[((n * out[0] + o) * out[1] + i) * out[2] + j] = sum;
          }
        }
      }
    }
    return y;
  }

  private static double[] random(int n, long seed) {
    Random random = new Random(seed);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = random.nextGaussian();
    }
    return values;
  }

  private static float[] toFloat(double[] values) {
    float[] f = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      f[i] = (float) values[i];
    }
    return f;
  }
}
