package netforge.examples.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import netforge.examples.alexnet.AlexNetCifarModel;
import netforge.examples.alexnet.AlexNetModel;
import netforge.examples.lenet.LeNet5Model;
import netforge.examples.probes.Probes;
import netforge.examples.reference.ReferenceNetwork;
import netforge.examples.support.RandomValues;
import netforge.runtime.Device;
import netforge.runtime.Model;
import netforge.runtime.spec.NetworkState;
import netforge.runtime.spec.ParamSpec;
import netforge.runtime.testing.NeedsOpenCl;
import netforge.runtime.testing.OnnxRuntimeInference;
import netforge.runtime.testing.OpenClDevice;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each network exported with {@code Model.exportOnnx} and run in ONNX Runtime gives NetForge's logits: the example
 * networks, the probes (every step, odd shapes; BatchNorm by running statistics set far from their initial values)
 * and {@link OnnxProbe}, with He-scaled random weights (activations of
 * order 1 through every layer, so ReLU masks and pooling choices matter) on the same random batch.
 */
@NeedsOpenCl
class OnnxMatchesNetForgeTest {
  @RegisterExtension static final OpenClDevice DEVICE = new OpenClDevice();

  /**
   * {@code max|onnx - netforge| / max|netforge|}, and the same against the double-precision reference: 1e-5 of the
   * logits' scale, the bound the issue sets. Both engines compute in fp32 with their own summation orders, each
   * within about sqrt(K) x 6e-8 of the exact logits for dot products of K terms (K up to 9,216 in AlexNet's fc6:
   * 6e-6), so they may differ by about twice that at worst. Measured at batch 3 (PoCL 3 on x86-64, ONNX Runtime
   * 1.29): ONNX Runtime vs NetForge 2.4e-6 (AlexNet), 2.0e-6 (AlexNetCifar), at most 2.5e-7 for LeNet-5 and the
   * probes; ONNX Runtime vs the reference at most 5.7e-7. A wrong layout, window or divisor is off by 1e-2 and more.
   */
  static final double TOLERANCE = 1e-5;
  static final int BATCH = 3;

  @TempDir Path dir;

  record Network(String name, BiFunction<Device, Long, Model> create) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Network> networks() {
    List<Network> all = new ArrayList<>(List.of(
        new Network("LeNet5", LeNet5Model::create),
        new Network("AlexNetCifar", AlexNetCifarModel::create),
        new Network("AlexNet", AlexNetModel::create),
        new Network("OnnxProbe", OnnxProbeModel::create)));
    Probes.all().forEach(p -> all.add(new Network(p.name(), p.create())));
    all.add(new Network("BatchNormProbe", Probes.batchNorm().create()));
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void onnxRuntime_givesNetForgesLogits(Network network) throws IOException {
    Random random = new Random(network.name().hashCode());
    try (Model model = network.create().apply(DEVICE.get(), 1L)) {
      var spec = model.spec();
      float[] params = heScaled(model, random);
      // running statistics far from their initial 0 and 1, so that an export that dropped them would show
      NetworkState state = RandomValues.state(spec, random);
      model.setState(state);
      float[] input = new float[BATCH * spec.inputSize()];
      for (int i = 0; i < input.length; i++) {
        input[i] = (float) random.nextGaussian();
      }
      float[] netforge = model.forward(input, BATCH);
      Path file = dir.resolve(spec.name() + ".onnx");
      model.exportOnnx(file);
      OnnxRuntimeInference.Output onnx = OnnxRuntimeInference.run(file, input, BATCH, spec.inputShape());

      assertArrayEquals(new long[] {BATCH, spec.classes()}, onnx.shape());
      double[] reference = new ReferenceNetwork(spec, toDouble(params), toDouble(state.values()), 0, 0, false)
          .run(toDouble(input), BATCH, null).logits();
      double fromNetForge = scaledError(onnx.values(), toDouble(netforge));
      double fromReference = scaledError(onnx.values(), reference);
      String report = String.format(Locale.ROOT, "%s: ONNX Runtime vs NetForge %.2g, vs the double-precision "
          + "reference %.2g, of the logits' scale", spec.name(), fromNetForge, fromReference);
      assertTrue(fromNetForge <= TOLERANCE, report);
      assertTrue(fromReference <= TOLERANCE, report);
    }
  }

  /** Gaussian weights of variance 2 / fan-in and biases of 0.1, set on the model; returns them. */
  private static float[] heScaled(Model model, Random random) {
    float[] params = model.parameters();
    for (ParamSpec p : model.spec().parameters()) {
      double std = p.isBias() ? 0.1 : Math.sqrt(2.0 / p.fanIn());
      for (long i = p.offset(); i < p.offset() + p.size(); i++) {
        params[(int) i] = (float) (random.nextGaussian() * std);
      }
    }
    model.setParameters(params);
    return params;
  }

  private static double scaledError(float[] actual, double[] expected) {
    double scale = 0;
    double error = 0;
    for (int i = 0; i < expected.length; i++) {
      scale = Math.max(scale, Math.abs(expected[i]));
      error = Math.max(error, Math.abs(actual[i] - expected[i]));
    }
    return error / scale;
  }

  private static double[] toDouble(float[] values) {
    double[] result = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = values[i];
    }
    return result;
  }
}
