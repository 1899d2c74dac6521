package netforge.examples.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import netforge.examples.probes.Probes.Probe;
import netforge.examples.probes.Probes;
import netforge.examples.reference.ReferenceNetwork;
import netforge.examples.support.Tolerance;
import netforge.runtime.Loss;
import netforge.runtime.Model;
import netforge.runtime.spec.ParamSpec;
import netforge.runtime.testing.NeedsOpenCl;
import netforge.runtime.testing.OpenClDevice;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated kernel against the double-precision reference: the probe networks cover every layer kind at
 * shapes that divide no tile, at batch sizes 1, an odd one, and one large enough to need several GEMM strips and
 * (for convolutions) several im2col chunks. Forward in evaluation mode, then a training step: loss and the
 * gradient of every parameter tensor, each compared separately.
 */
@NeedsOpenCl
class KernelsMatchReferenceTest {
  @RegisterExtension static final OpenClDevice DEVICE = new OpenClDevice();

  static Stream<Arguments> probesAndBatches() {
    return Probes.all().stream().flatMap(p -> Stream.of(1, 7, 70).map(b -> Arguments.of(p, b)));
  }

  @ParameterizedTest(name = "{0} at batch {1}")
  @MethodSource("probesAndBatches")
  void probe_matchesReference(Probe probe, int batch) {
    try (Model model = probe.create().apply(DEVICE.get(), 11L)) {
      assertMatchesReference(model, batch, new Random(probe.name().hashCode() * 31L + batch));
    }
  }

  /** Compares forward logits, loss and every parameter gradient of {@code model} with the reference. */
  static void assertMatchesReference(Model model, int batch, Random random) {
    var spec = model.spec();
    float[] params = model.parameters();
    // Gaussian weights of variance 2 / fan-in (He's) keep activations of order 1 through every layer, so
    // ReLU masks and pooling choices are exercised and the gradients are far from zero.
    for (ParamSpec p : spec.parameters()) {
      double std = p.isBias() ? 0.1 : Math.sqrt(2.0 / p.fanIn());
      for (long i = p.offset(); i < p.offset() + p.size(); i++) {
        params[(int) i] = (float) (random.nextGaussian() * std);
      }
    }
    model.setParameters(params);
    float[] input = new float[batch * spec.inputSize()];
    for (int i = 0; i < input.length; i++) {
      input[i] = (float) random.nextGaussian();
    }
    int[] labels = new int[batch];
    for (int n = 0; n < batch; n++) {
      labels[n] = random.nextInt(spec.classes());
    }
    double[] doubleParams = toDouble(params);
    double[] doubleInput = toDouble(input);

    float[] logits = model.forward(input, batch);
    var eval = new ReferenceNetwork(spec, doubleParams, model.engine().seed(), 0, false).run(doubleInput, batch, null);
    Tolerance.FORWARD.assertClose(spec.name() + " logits", logits, eval.logits());

    int step = model.engine().step();
    Loss loss = model.lossAndGradients(input, labels);
    var train = new ReferenceNetwork(spec, doubleParams, model.engine().seed(), step, true)
        .run(doubleInput, batch, labels);
    Tolerance.FORWARD.assertClose(spec.name() + " loss", new float[] {(float) loss.mean()},
        new double[] {train.loss()});
    float[] gradients = model.gradients();
    List<ParamSpec> tensors = spec.parameters();
    for (ParamSpec p : tensors) {
      Tolerance.GRADIENT.assertClose(spec.name() + " d" + p.name(), gradients, train.gradients(), (int) p.offset(),
          (int) (p.offset() + p.size()));
    }
    assertEquals(step + 1, model.engine().step(), "a training step advances the dropout step");
  }

  static double[] toDouble(float[] values) {
    double[] result = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = values[i];
    }
    return result;
  }
}
