package netforge.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import netforge.examples.reference.ReferenceNetwork;
import netforge.runtime.ParameterInit;
import netforge.runtime.onnx.OnnxExport;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.testing.OnnxRuntimeInference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code netforge export} run as a user runs it. It needs no OpenCL device, and neither do these tests: the file is
 * run in ONNX Runtime and compared with the double-precision reference of the same weights.
 */
class ExportCommandTest {
  /** LeNet-5's logits in ONNX Runtime (fp32) against double: 2.5e-7 of their scale measured, as in the ONNX tests. */
  private static final double TOLERANCE = 1e-5;
  private static final int BATCH = 3;

  @TempDir
  Path dir;

  @Test
  void export_withWeights_writesAModelThatComputesThoseWeightsLogits() throws Exception {
    Path weights = Weights.initial(ExampleNetwork.LENET5, 7, dir.resolve("lenet5.safetensors"));
    Path onnx = dir.resolve("out/lenet5.onnx");
    CliRun run = CliRun.of("export", "--network", "lenet5", "--weights", weights.toString(), "--onnx",
        onnx.toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run.transcript());
    assertTrue(run.out().startsWith("Exported LeNet5 with the weights " + weights + " to " + onnx + " ("),
        run.transcript());
    assertTrue(run.out().contains("ONNX opset 17, input 'input' [batch, 1, 28, 28], output 'logits' [batch, 10]"),
        run.transcript());
    assertEquals("", run.err());
    assertComputes(onnx, ExampleNetwork.LENET5.spec(), ParameterInit.pytorchDefault(ExampleNetwork.LENET5.spec(), 7));
  }

  @Test
  void export_withoutWeights_warns_andWritesTheSeedsInitialWeights() throws Exception {
    Path onnx = dir.resolve("initial.onnx");
    CliRun run = CliRun.of("export", "--network", "lenet5", "--seed", "3", "--onnx", onnx.toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("warning: no --weights given: exporting LeNet5's untrained initial weights "
        + "(seed 3)"), run.transcript());
    assertTrue(run.out().contains("with initial weights (seed 3)"), run.transcript());
    assertComputes(onnx, ExampleNetwork.LENET5.spec(), ParameterInit.pytorchDefault(ExampleNetwork.LENET5.spec(), 3));
  }

  @Test
  void existingFile_isKept_withoutOverwrite_andReplacedWithIt() throws Exception {
    Path onnx = Files.writeString(dir.resolve("taken.onnx"), "not a model");
    CliRun refused = CliRun.of("export", "--network", "lenet5", "--onnx", onnx.toString());
    assertEquals(ExitCodes.USAGE, refused.exitCode(), refused.transcript());
    assertTrue(refused.err().contains(onnx + " already exists; --overwrite replaces it"), refused.transcript());
    assertEquals("not a model", Files.readString(onnx));

    CliRun replaced = CliRun.of("export", "--network", "lenet5", "--onnx", onnx.toString(), "--overwrite");
    assertEquals(ExitCodes.OK, replaced.exitCode(), replaced.transcript());
    assertComputes(onnx, ExampleNetwork.LENET5.spec(), ParameterInit.pytorchDefault(ExampleNetwork.LENET5.spec(), 0));
  }

  @Test
  void anExistingDataFile_isKept_withoutOverwrite_andAStaleOneRemovedWithIt() throws Exception {
    Path onnx = dir.resolve("stale.onnx");
    Path data = Files.writeString(OnnxExport.dataFile(onnx), "parameters of an earlier, larger export");
    CliRun refused = CliRun.of("export", "--network", "lenet5", "--onnx", onnx.toString());
    assertEquals(ExitCodes.USAGE, refused.exitCode(), refused.transcript());
    assertTrue(refused.err().contains(data + " already exists; --overwrite replaces it"), refused.transcript());
    assertFalse(Files.exists(onnx));

    CliRun replaced = CliRun.of("export", "--network", "lenet5", "--onnx", onnx.toString(), "--overwrite");
    assertEquals(ExitCodes.OK, replaced.exitCode(), replaced.transcript());
    assertFalse(Files.exists(data), "LeNet-5's parameters are inside the model: the old data file must go");
  }

  @Test
  void anotherNetworksWeights_areAUsageError_namingTheRightNetwork() throws Exception {
    Path weights = Weights.initial(ExampleNetwork.LENET5, 1, dir.resolve("lenet5.safetensors"));
    Path onnx = dir.resolve("cifar.onnx");
    CliRun run = CliRun.of("export", "--network", "alexnet-cifar", "--weights", weights.toString(), "--onnx",
        onnx.toString());
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("(for this file, pass --network lenet5)"), run.transcript());
    assertFalse(Files.exists(onnx));
  }

  @Test
  void missingWeights_failsBeforeWritingAnything() {
    Path onnx = dir.resolve("never/written.onnx");
    CliRun run = CliRun.of("export", "--network", "lenet5", "--weights", dir.resolve("nope.safetensors").toString(),
        "--onnx", onnx.toString());
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("nope.safetensors: no such file"), run.transcript());
    assertFalse(Files.exists(onnx.getParent()), "not even its directory");
  }

  private static void assertComputes(Path onnx, NetworkSpec spec, float[] params) {
    Random random = new Random(11);
    float[] input = new float[BATCH * spec.inputSize()];
    double[] doubleInput = new double[input.length];
    for (int i = 0; i < input.length; i++) {
      input[i] = (float) random.nextGaussian();
      doubleInput[i] = input[i];
    }
    double[] doubleParams = new double[params.length];
    for (int i = 0; i < params.length; i++) {
      doubleParams[i] = params[i];
    }
    double[] expected = new ReferenceNetwork(spec, doubleParams, 0, 0, false).run(doubleInput, BATCH, null).logits();
    float[] actual = OnnxRuntimeInference.run(onnx, input, BATCH, spec.inputShape()).values();
    double scale = 0;
    double error = 0;
    for (int i = 0; i < expected.length; i++) {
      scale = Math.max(scale, Math.abs(expected[i]));
      error = Math.max(error, Math.abs(actual[i] - expected[i]));
    }
    assertTrue(error <= TOLERANCE * scale, "max |onnx - reference| = " + error + ", scale " + scale);
  }
}
