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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netforge.examples.cli.ExampleNetwork;
import netforge.examples.support.RandomValues;
import netforge.examples.support.Tolerance;
import netforge.runtime.Loss;
import netforge.runtime.Model;
import netforge.runtime.io.SafetensorsFile;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.NetworkState;
import netforge.runtime.spec.ParamSpec;
import netforge.runtime.spec.StateSpec;
import netforge.runtime.testing.NeedsOpenCl;
import netforge.runtime.testing.OpenClDevice;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * VGG-11 with BatchNorm (and ResNet-18, torchvision's in its CIFAR variant: see the disabled case), initialised at
 * random by PyTorch 1.13
 * and saved as its state dict: NetForge loads the file as it is (torchvision's dotted names, {@code downsample.0}
 * and {@code downsample.1} included, {@code num_batches_tracked} as I64), and gives PyTorch's logits in evaluation,
 * and in one training step PyTorch's loss, every gradient and every running statistic; then PyTorch loads the file
 * NetForge saves with {@code load_state_dict(strict=True)} and finds every tensor unchanged. Needs Debian's
 * {@code python3-torch}; skipped where it is missing.
 *
 * <p>Tolerances: {@link Tolerance#FORWARD} (5e-5 of the scale) for logits, loss and running statistics, and
 * {@link Tolerance#GRADIENT} (1e-4 of each tensor's scale, the bound the issue sets) for gradients. Both engines
 * compute in fp32 with their own summation orders over products of up to 4,608 terms, and BatchNorm in training
 * divides by batch statistics, which magnifies rounding where a channel's values lie close together.
 */
@NeedsOpenCl
class TorchNetworksMatchNetForgeTest {
  @RegisterExtension static final OpenClDevice DEVICE = new OpenClDevice();
  private static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3"
      : "python3";

  /** Below this fraction of the network's largest gradient a tensor's gradient is rounding noise (seen: 1e-6). */
  private static final double ZERO_BY_STRUCTURE = 1e-4;

  @TempDir Path dir;

  @Test
  void vgg11Bn_pyTorchsWeights_giveNetForgePyTorchsResults_andBack() throws Exception {
    assertPyTorchsResults(ExampleNetwork.VGG11_BN);
  }

  /**
   * Known failure, issue 13 open: with PyTorch's initialisation and a batch of 2 or more, NetForge's gradients of
   * ResNet-18 differ from the double reference (and from PyTorch, which agrees with the reference to 1e-6) by up
   * to 7e-3 of a tensor's scale, from the first DownsampleBlock's convolutions back; the loss and logits agree, a
   * batch of 1 agrees to 1e-5, and He-initialised weights agree at every batch size; the single strided
   * convolution with BatchNorm of that block agrees alone. At these weights the gradients sit on ReLU kinks: moving
   * every input pixel by one ulp moves NetForge's gradients by 4e-3 of their scale (the reference's by 2e-7 for the
   * same BatchNorm tensors, by 6e-4 for conv1.weight), so some pre-activations lie within fp32 rounding of zero, and
   * a mask that flips changes the gradient of everything before it. Whether NetForge's rounding is just different
   * from PyTorch's or wrong somewhere is not settled. Enable once it is.
   */
  @Test
  @Disabled("ResNet-18 gradients differ from PyTorch's at batch >= 2 with PyTorch's initialisation (issue 13)")
  void resNet18Cifar_pyTorchsWeights_giveNetForgePyTorchsResults_andBack() throws Exception {
    assertPyTorchsResults(ExampleNetwork.RESNET18_CIFAR);
  }

  private void assertPyTorchsResults(ExampleNetwork network) throws Exception {
    assumeTrue(torchAvailable(), "python3 with torch is not installed");
    copyScripts();
    List<String> made = python("torchvision_nets.py", "make", network.id(), dir.toString());
    assertEquals("0", made.get(0), made.get(1));
    SafetensorsFile inputs = SafetensorsFile.read(dir.resolve("inputs.safetensors"));
    SafetensorsFile torch = SafetensorsFile.read(dir.resolve("torch.safetensors"));
    float[] input = inputs.floats("input");
    int[] labels = Arrays.stream(inputs.longs("labels")).mapToInt(l -> (int) l).toArray();

    try (Model model = network.type().create(DEVICE.get(), 1L)) {
      NetworkSpec spec = model.spec();
      model.load(dir.resolve("weights.safetensors"));
      NetworkState before = model.state();

      float[] logits = model.forward(input, labels.length);
      Tolerance.FORWARD.assertClose(spec.name() + " logits in evaluation", logits,
          RandomValues.toDouble(torch.floats("eval.logits")));

      Loss loss = model.lossAndGradients(input, labels);
      Tolerance.FORWARD.assertClose(spec.name() + " training loss", new float[] {(float) loss.mean()},
          RandomValues.toDouble(torch.floats("train.loss")));
      float[] gradients = model.gradients();
      double networkScale = 0;
      for (ParamSpec p : spec.parameters()) {
        for (float g : torch.floats("grad." + p.name())) {
          networkScale = Math.max(networkScale, Math.abs(g));
        }
      }
      for (ParamSpec p : spec.parameters()) {
        float[] ours = Arrays.copyOfRange(gradients, (int) p.offset(), (int) (p.offset() + p.size()));
        double[] theirs = RandomValues.toDouble(torch.floats("grad." + p.name()));
        double scale = Arrays.stream(theirs).map(Math::abs).max().orElse(0);
        if (scale < ZERO_BY_STRUCTURE * networkScale) {
          // a convolution's bias right before a BatchNorm: zero in exact arithmetic, as BatchNorm subtracts the
          // batch's mean, so both sides hold rounding noise; it must stay noise, against the network's scale
          for (int i = 0; i < ours.length; i++) {
            assertTrue(Math.abs(ours[i]) <= ZERO_BY_STRUCTURE * networkScale, spec.name() + " d" + p.name()
                + " is zero by structure, but NetForge gives " + ours[i]);
          }
          continue;
        }
        Tolerance.GRADIENT.assertClose(spec.name() + " d" + p.name(), ours, theirs);
      }
      NetworkState after = model.state();
      for (StateSpec s : spec.state()) {
        if (s.kind().isCounter()) {
          assertArrayEquals(new long[] {after.counters()[(int) s.offset()]}, torch.longs("state." + s.name()),
              s.name());
        } else {
          float[] ours = Arrays.copyOfRange(after.values(), (int) s.offset(), (int) (s.offset() + s.size()));
          Tolerance.FORWARD.assertClose(spec.name() + " " + s.name(), ours,
              RandomValues.toDouble(torch.floats("state." + s.name())));
        }
      }

      // and back: the loaded weights and statistics, saved by NetForge, load into PyTorch unchanged
      model.setState(before);
      model.load(dir.resolve("weights.safetensors"));
      Path saved = dir.resolve("netforge.safetensors");
      model.save(saved);
      List<String> checked = python("torchvision_nets.py", "check", network.id(), dir.toString(), saved.toString());
      assertEquals("0", checked.get(0), checked.get(1));
    }
  }

  private void copyScripts() throws IOException {
    for (String file : List.of("torchvision_nets.py", "nf_safetensors.py")) {
      try (InputStream in = getClass().getResourceAsStream(file)) {
        Files.write(dir.resolve(file), in.readAllBytes());
      }
    }
  }

  private static boolean torchAvailable() throws InterruptedException {
    try {
      return run(List.of(PYTHON, "-c", "import torch")).get(0).equals("0");
    } catch (IOException noPython) {
      return false;
    }
  }

  private List<String> python(String script, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(PYTHON, dir.resolve(script).toString()));
    command.addAll(List.of(args));
    return run(command);
  }

  /** Exit code, then standard output and error together. */
  private static List<String> run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("python3 did not finish in 300 s: " + output);
    }
    return List.of(Integer.toString(process.exitValue()), output);
  }
}
