package netforge.examples.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netforge.examples.cli.ExampleNetwork;
import netforge.examples.probes.Probes;
import netforge.examples.probes.Probes.Probe;
import netforge.runtime.ParameterInit;
import netforge.runtime.onnx.OnnxExport;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.NetworkState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exported files pass the ONNX project's own checker ({@code onnx.checker.check_model} with
 * {@code full_check=True}, which also runs its shape inference) and that inference gives {@code logits} the shape
 * {@code [batch, classes]}: a second, independent reader of the format besides ONNX Runtime. Needs Python's
 * {@code onnx} (Debian's {@code python3-onnx}, which {@code .ci/run} installs); skipped where it is missing.
 */
class OnnxCheckerTest {
  private static final String CHECK = String.join("\n",
      "import sys, onnx",
      "model = onnx.load(sys.argv[1])",
      "onnx.checker.check_model(model, full_check=True)",
      "inferred = onnx.shape_inference.infer_shapes(model, strict_mode=True)",
      "dims = inferred.graph.output[0].type.tensor_type.shape.dim",
      "print(','.join(d.dim_param or str(d.dim_value) for d in dims))");

  /** Debian's Python, where apt puts python3-onnx, before whatever python3 comes first on the PATH. */
  private static final String PYTHON = java.nio.file.Files.isExecutable(Path.of("/usr/bin/python3"))
      ? "/usr/bin/python3" : "python3";

  @TempDir
  Path directory;

  @ParameterizedTest
  @EnumSource(ExampleNetwork.class)
  void exportedModel_passesOnnxsCheckerWithLogitsOfShapeBatchByClasses(ExampleNetwork network) throws Exception {
    assertPassesChecker(network.spec(), network.id());
  }

  /** Every activation's nodes, GELU's Div-Erf-Add-Mul-Mul and SiLU's Sigmoid-Mul among them. */
  @ParameterizedTest
  @ValueSource(strings = {"ActivationProbe", "ActivationChainProbe"})
  void activationProbes_passOnnxsChecker(String name) throws Exception {
    Probe probe = Probes.all().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    assertPassesChecker(probe.spec(), name);
  }

  private void assertPassesChecker(NetworkSpec spec, String id) throws Exception {
    assumeTrue(pythonOnnxAvailable(), "python3 with the onnx package is not installed");
    Path file = directory.resolve(id + ".onnx");
    OnnxExport.write(spec, ParameterInit.pytorchDefault(spec, 1), NetworkState.initial(spec), file);
    List<String> result = python(CHECK, file.toString());
    assertEquals(0, Integer.parseInt(result.get(0)), String.join("\n", result));
    assertEquals("batch," + spec.classes(), result.get(1).strip(), String.join("\n", result));
  }

  /** BatchNormalization with its running statistics as initializers, in an image network and after a dense layer. */
  @Test
  void exportedBatchNormProbe_passesOnnxsChecker() throws Exception {
    assumeTrue(pythonOnnxAvailable(), "python3 with the onnx package is not installed");
    NetworkSpec spec = Probes.batchNorm().spec();
    Path file = directory.resolve("batchnorm.onnx");
    OnnxExport.write(spec, ParameterInit.pytorchDefault(spec, 1), NetworkState.initial(spec), file);
    List<String> result = python(CHECK, file.toString());
    assertEquals(0, Integer.parseInt(result.get(0)), String.join("\n", result));
    assertEquals("batch," + spec.classes(), result.get(1).strip(), String.join("\n", result));
  }

  private static boolean pythonOnnxAvailable() throws IOException, InterruptedException {
    try {
      return Integer.parseInt(python("import onnx").get(0)) == 0;
    } catch (IOException noPython) {
      return false;
    }
  }

  /** Exit code, then standard output and error together. */
  private static List<String> python(String script, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(PYTHON, "-c", script));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("python3 did not finish in 120 s: " + output);
    }
    return List.of(Integer.toString(process.exitValue()), output);
  }
}
