package netforge.examples.training;

import static netforge.examples.training.SameBits.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import netforge.examples.probes.Probes;
import netforge.examples.support.RandomValues;
import netforge.runtime.Model;
import netforge.runtime.io.Dtype;
import netforge.runtime.io.SafetensorsException;
import netforge.runtime.io.SafetensorsFile;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.NetworkState;
import netforge.runtime.testing.NeedsOpenCl;
import netforge.runtime.testing.OpenClDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A network with BatchNorm saved by {@code Model.save} and loaded by {@code Model.load} into a new model: the running
 * statistics and step counts travel with the weights, under PyTorch's names and dtypes, so evaluation after loading
 * gives the same logits to the bit.
 */
@NeedsOpenCl
class BatchNormWeightsTest {
  @RegisterExtension static final OpenClDevice DEVICE = new OpenClDevice();
  private static final int BATCH = 7;

  @TempDir Path dir;

  @Test
  void savedAfterTraining_loadsIntoANewModel_withItsRunningStatistics() throws IOException {
    Random random = new Random(23);
    Path file = dir.resolve("probe.safetensors");
    NetworkSpec spec = Probes.batchNorm().spec();
    float[] input = new float[BATCH * spec.inputSize()];
    for (int i = 0; i < input.length; i++) {
      input[i] = (float) random.nextGaussian();
    }
    float[] logits;
    float[] parameters;
    NetworkState state;
    try (Model model = Probes.batchNorm().create().apply(DEVICE.get(), 1L)) {
      for (int step = 0; step < 3; step++) {
        model.lossAndGradients(input, new int[] {0, 1, 2, 3, 4, 0, 1});
      }
      state = model.state();
      assertNotEquals(NetworkState.initial(spec), state, "three training steps moved the running statistics");
      parameters = model.parameters();
      logits = model.forward(input, BATCH);
      model.save(file);
    }

    SafetensorsFile saved = SafetensorsFile.read(file);
    assertEquals(Dtype.I64, saved.dtype("fc1.bn.num_batches_tracked"));
    assertArrayEquals(new long[] {3}, saved.longs("c1.bn.num_batches_tracked"));
    assertEquals(Dtype.F32, saved.dtype("bn2.running_var"));

    try (Model loaded = Probes.batchNorm().create().apply(DEVICE.get(), 2L)) {
      loaded.load(file);
      assertSameBits("parameters", parameters, loaded.parameters());
      assertEquals(state, loaded.state());
      assertSameBits("logits in evaluation", logits, loaded.forward(input, BATCH));
    }
  }

  @Test
  void load_ofAFileWithoutTheRunningStatistics_isRefusedNamingThem() throws IOException {
    NetworkSpec spec = Probes.batchNorm().spec();
    Path file = dir.resolve("parameters-only.safetensors");
    var writer = SafetensorsFile.writer();
    float[] values = RandomValues.parameters(spec, new Random(1));
    for (var p : spec.parameters()) {
      writer.floats(p.name(), java.util.Arrays.copyOfRange(values, (int) p.offset(), (int) (p.offset() + p.size())),
          java.util.Arrays.stream(p.shape()).asLongStream().toArray());
    }
    writer.write(file);
    try (Model model = Probes.batchNorm().create().apply(DEVICE.get(), 1L)) {
      SafetensorsException e = assertThrows(SafetensorsException.class, () -> model.load(file));
      assertTrue(e.getMessage().contains("missing 12 tensors: norm0.running_mean [3], norm0.running_var [3],"
          + " norm0.num_batches_tracked [], c1.bn.running_mean [7]"), e.getMessage());
    }
  }
}
