package netforge.examples.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import netforge.examples.probes.Probes;
import netforge.examples.support.RandomValues;
import netforge.examples.support.Tolerance;
import netforge.runtime.Loss;
import netforge.runtime.Model;
import netforge.runtime.internal.DropoutMask;
import netforge.runtime.io.SafetensorsFile;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.NetworkState;
import netforge.runtime.spec.ParamSpec;
import netforge.runtime.spec.StateSpec;
import netforge.runtime.testing.NeedsOpenCl;
import netforge.runtime.testing.OpenClDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * BatchNormProbe against PyTorch itself, the definition NetForge follows: PyTorch loads the file {@code Model.save}
 * wrote with {@code load_state_dict(strict=True)} (names, shapes and dtypes of the parameters and of every buffer),
 * and gives the same logits in evaluation, and in one training step the same loss, gradients, running statistics and
 * {@code num_batches_tracked}. Needs Debian's {@code python3-torch}; skipped where it is missing.
 */
@NeedsOpenCl
class BatchNormMatchesPyTorchTest {
  @RegisterExtension static final OpenClDevice DEVICE = new OpenClDevice();
  private static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3"
      : "python3";
  private static final int BATCH = 7;
  /** fc1's BatchNorm is stage 8 of BatchNormProbe (each layer and BatchNorm a stage); its dropout the first step after. */
  private static final int DROPOUT_KEY = DropoutMask.key(8, 0);
  /** Zero by structure in training, as in BatchNormKernelsMatchReferenceTest: checked against the network's scale. */
  private static final Set<String> ZERO_IN_TRAINING = Set.of("fc1.bias", "bn2.bias");

  @TempDir Path dir;

  @Test
  void pyTorch_loadsTheWeights_andComputesWhatNetForgeComputes() throws Exception {
    assumeTrue(torchAvailable(), "python3 with torch is not installed");
    Random random = new Random(29);
    try (Model model = Probes.batchNorm().create().apply(DEVICE.get(), 9L)) {
      NetworkSpec spec = model.spec();
      model.setParameters(RandomValues.parameters(spec, random));
      NetworkState state = RandomValues.state(spec, random);
      model.setState(state);
      Path weights = dir.resolve("weights.safetensors");
      model.save(weights);
      float[] input = new float[BATCH * spec.inputSize()];
      for (int i = 0; i < input.length; i++) {
        input[i] = (float) (2 + random.nextGaussian());
      }
      long[] labels = new long[BATCH];
      int[] intLabels = new int[BATCH];
      for (int n = 0; n < BATCH; n++) {
        intLabels[n] = random.nextInt(spec.classes());
        labels[n] = intLabels[n];
      }
      float[] keep = new float[BATCH * 11];
      for (int i = 0; i < keep.length; i++) {
        keep[i] = DropoutMask.keep(model.engine().seed(), model.engine().step(), DROPOUT_KEY, i, 0.25) ? 1 : 0;
      }
      Path inputs = dir.resolve("inputs.safetensors");
      SafetensorsFile.writer().floats("input", input, BATCH, 3, 8, 6).longs("labels", labels, BATCH)
          .floats("keep", keep, BATCH, 11).write(inputs);

      float[] logits = model.forward(input, BATCH);
      Loss loss = model.lossAndGradients(input, intLabels);
      float[] gradients = model.gradients();
      NetworkState after = model.state();

      SafetensorsFile torch = runTorch(weights, inputs);
      Tolerance.FORWARD.assertClose("logits in evaluation", logits, toDouble(torch.floats("eval.logits")));
      Tolerance.FORWARD.assertClose("training loss", new float[] {(float) loss.mean()},
          toDouble(torch.floats("train.loss")));
      double networkScale = 0;
      for (ParamSpec p : spec.parameters()) {
        for (float g : torch.floats("grad." + p.name())) {
          networkScale = Math.max(networkScale, Math.abs(g));
        }
      }
      for (ParamSpec p : spec.parameters()) {
        float[] ours = java.util.Arrays.copyOfRange(gradients, (int) p.offset(), (int) (p.offset() + p.size()));
        double[] theirs = toDouble(torch.floats("grad." + p.name()));
        if (ZERO_IN_TRAINING.contains(p.name())) {
          for (int i = 0; i < ours.length; i++) {
            assertTrue(Math.abs(ours[i]) <= 1e-6 * networkScale && Math.abs(theirs[i]) <= 1e-6 * networkScale,
                p.name() + ": both zero to rounding");
          }
          continue;
        }
        Tolerance.GRADIENT.assertClose("d" + p.name(), ours, theirs);
      }
      for (StateSpec s : spec.state()) {
        if (s.kind().isCounter()) {
          assertArrayEquals(new long[] {after.counters()[(int) s.offset()]}, torch.longs("state." + s.name()),
              s.name());
          assertEquals(state.counters()[(int) s.offset()] + 1, after.counters()[(int) s.offset()]);
        } else {
          float[] ours = java.util.Arrays.copyOfRange(after.values(), (int) s.offset(), (int) (s.offset() + s.size()));
          Tolerance.FORWARD.assertClose(s.name(), ours, toDouble(torch.floats("state." + s.name())));
        }
      }
    }
  }

  private SafetensorsFile runTorch(Path weights, Path inputs) throws IOException, InterruptedException {
    Path script = dir.resolve("batchnorm_probe_torch.py");
    for (String file : List.of("batchnorm_probe_torch.py", "nf_safetensors.py")) {
      try (InputStream in = getClass().getResourceAsStream(file)) {
        Files.write(dir.resolve(file), in.readAllBytes());
      }
    }
    Path output = dir.resolve("torch.safetensors");
    List<String> result = python(script.toString(), weights.toString(), inputs.toString(), output.toString());
    assertEquals("0", result.get(0), result.get(1));
    return SafetensorsFile.read(output);
  }

  private static boolean torchAvailable() throws InterruptedException {
    try {
      return python("-c", "import torch").get(0).equals("0");
    } catch (IOException noPython) {
      return false;
    }
  }

  /** Exit code, then standard output and error together. */
  private static List<String> python(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(PYTHON));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("python3 did not finish in 120 s: " + output);
    }
    return List.of(Integer.toString(process.exitValue()), output);
  }

  private static double[] toDouble(float[] values) {
    return RandomValues.toDouble(values);
  }
}
