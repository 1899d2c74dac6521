package netforge.runtime.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import netforge.runtime.onnx.proto.OnnxProtos.ModelProto;
import netforge.runtime.onnx.proto.OnnxProtos.NodeProto;
import netforge.runtime.onnx.proto.OnnxProtos.TensorProto;
import netforge.runtime.spec.LayerSpec;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.NetworkState;
import netforge.runtime.spec.OpSpec;
import netforge.runtime.spec.ParamSpec;
import netforge.runtime.spec.StateSpec;
import netforge.runtime.testing.OnnxRuntimeInference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BatchNorm exported as ONNX's BatchNormalization in its inference form, run in ONNX Runtime, against PyTorch's
 * evaluation-mode definition computed here in double precision: {@code (x - running_mean) / sqrt(running_var + eps)
 * * weight + bias} per channel of an image (BatchNorm2d) and per feature of a vector (BatchNorm1d).
 */
class OnnxBatchNormTest {
  /**
   * Each output is one fp32 subtraction, square root, division, multiplication and addition of values of order 1:
   * a few units of fp32 rounding, 6e-8 each. 1e-6 of the scale is far below a statistic taken from the wrong channel
   * or an eps left out (eps = 0.1 here changes every output by several percent).
   */
  private static final double TOLERANCE = 1e-6;
  private static final int BATCH = 3;

  @TempDir Path dir;

  @Test
  void batchNorm2d_normalisesEachChannelByItsRunningStatistics() throws IOException {
    assertMatchesPyTorch(new int[] {3, 2, 4}, 0.1);
  }

  @Test
  void batchNorm1d_normalisesEachFeature() throws IOException {
    assertMatchesPyTorch(new int[] {5}, 1e-5);
  }

  @Test
  void export_writesTheRunningStatisticsAsInitializers_butNotTheStepCount() {
    NetworkSpec spec = network(new int[] {3, 2, 4}, 0.1);
    ModelProto model = OnnxExport.model(spec, new float[6], NetworkState.initial(spec));
    assertEquals(List.of("BatchNormalization", "Flatten"),
        model.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList());
    NodeProto node = model.getGraph().getNode(0);
    assertEquals(List.of("input", "bn.weight", "bn.bias", "bn.running_mean", "bn.running_var"), node.getInputList());
    assertEquals(0.1f, node.getAttribute(0).getF());
    assertEquals(List.of("bn.weight", "bn.bias", "bn.running_mean", "bn.running_var"),
        model.getGraph().getInitializerList().stream().map(TensorProto::getName).toList());
  }

  @Test
  void export_withoutTheState_isRefusedNamingIt() {
    NetworkSpec spec = network(new int[] {5}, 1e-5);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OnnxExport.write(spec, new float[10], dir.resolve("never.onnx")));
    assertTrue(e.getMessage().startsWith("OneBatchNorm's state is 10 running-statistic values and 1 step count"),
        e.getMessage());
  }

  private void assertMatchesPyTorch(int[] shape, double eps) throws IOException {
    NetworkSpec spec = network(shape, eps);
    int channels = shape[0];
    int pixels = spec.inputSize() / channels;
    Random random = new Random(channels * 31L + pixels);
    float[] params = new float[2 * channels];
    float[] statistics = new float[2 * channels];
    for (int c = 0; c < channels; c++) {
      params[c] = (float) (1 + 0.3 * random.nextGaussian());
      params[channels + c] = (float) (0.2 * random.nextGaussian());
      statistics[c] = (float) (0.5 * random.nextGaussian());
      statistics[channels + c] = (float) (0.5 + 1.5 * random.nextDouble());
    }
    float[] x = new float[BATCH * spec.inputSize()];
    double[] expected = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (1 + random.nextGaussian());
      int c = i / pixels % channels;
      expected[i] = (x[i] - (double) statistics[c]) / Math.sqrt(statistics[channels + c] + eps) * params[c]
          + params[channels + c];
    }
    Path file = dir.resolve(spec.name() + ".onnx");
    OnnxExport.write(spec, params, new NetworkState(statistics, new long[] {42}), file);
    OnnxRuntimeInference.Output output = OnnxRuntimeInference.run(file, x, BATCH, spec.inputShape());
    assertArrayEquals(new long[] {BATCH, spec.classes()}, output.shape());
    double scale = 0;
    double error = 0;
    for (int i = 0; i < expected.length; i++) {
      scale = Math.max(scale, Math.abs(expected[i]));
      error = Math.max(error, Math.abs(output.values()[i] - expected[i]));
    }
    assertTrue(error / scale <= TOLERANCE, String.format(Locale.ROOT, "max |onnx - pytorch| = %.3g of the scale %.3g",
        error / scale, scale));
  }

  /** A BatchNorm named {@code bn} over {@code shape}, then a flatten: its outputs are the logits. */
  private static NetworkSpec network(int[] shape, double eps) {
    int channels = shape[0];
    int size = java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    LayerSpec bn = new LayerSpec("bn", "@BatchNorm", List.of(new OpSpec.BatchNorm("bn", eps, 0.1)), shape, shape,
        2L * channels, 0);
    LayerSpec flat = new LayerSpec("flat", "@Flatten", List.of(new OpSpec.Flatten()), shape, new int[] {size}, 0, 0);
    return new NetworkSpec("OneBatchNorm", shape, size, shape.length == 1 ? List.of(bn) : List.of(bn, flat),
        List.of(new ParamSpec("bn.weight", new int[] {channels}, 0, 1, ParamSpec.Init.ONES),
            new ParamSpec("bn.bias", new int[] {channels}, channels, 1, ParamSpec.Init.ZEROS)),
        List.of(new StateSpec("bn.running_mean", new int[] {channels}, 0, StateSpec.Kind.RUNNING_MEAN),
            new StateSpec("bn.running_var", new int[] {channels}, channels, StateSpec.Kind.RUNNING_VAR),
            new StateSpec("bn.num_batches_tracked", new int[] {}, 0, StateSpec.Kind.BATCHES_TRACKED)));
  }
}
