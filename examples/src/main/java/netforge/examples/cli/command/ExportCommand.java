package netforge.examples.cli.command;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import netforge.examples.cli.ClassPathOption;
import netforge.examples.cli.ExitCodes;
import netforge.examples.cli.NetworkChoice;
import netforge.examples.cli.NetworkNames;
import netforge.examples.cli.ReturnsExitCodes;
import netforge.examples.cli.WeightsOptions;
import netforge.runtime.ParameterInit;
import netforge.runtime.io.OutputFile;
import netforge.runtime.io.Weights;
import netforge.runtime.onnx.OnnxExport;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.NetworkState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netforge export}: a network with its weights as an ONNX model, for ONNX Runtime and other tools. Needs no
 * OpenCL device: the graph comes from the network's spec and the weights from the file.
 */
@ReturnsExitCodes({ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE})
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Write a network with its weights as an ONNX model (opset " + OnnxExport.OPSET + ") that ONNX "
        + "Runtime, PyTorch's tools or Netron read.",
        "The model computes what NetForge's forward pass does, in evaluation mode (dropout left out): input "
            + "'input' [batch, channels, height, width], any batch size, prepared as for 'predict'; output "
            + "'logits' [batch, classes], before softmax. The weights are initializers named as in the safetensors "
            + "file (conv1.weight, conv1.bias, ...). No OpenCL device is needed."},
    footer = {"", "Examples:",
        "  netforge export --weights runs/train/model.safetensors --onnx model.onnx",
        "  netforge export --network lenet5 --weights runs/lenet/best.safetensors \\",
        "      --onnx lenet5.onnx",
        "  netforge export --classpath target/classes \\",
        "      --weights target/tinynet-run/tinynet.safetensors --onnx tinynet.onnx"})
public final class ExportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  /** The network exported without --network or --weights to say which. */
  private static final String DEFAULT_NETWORK = "alexnet-cifar";

  @Option(names = "--network", paramLabel = "NETWORK", completionCandidates = NetworkNames.class,
      description = "${COMPLETION-CANDIDATES}, or the class name of a network of your own (on --classpath): the "
          + "network to export. Default: the one the --weights file names, else " + DEFAULT_NETWORK + ".")
  String networkName;

  @Mixin
  ClassPathOption classPath;

  @Option(names = "--weights", paramLabel = "FILE",
      description = "A safetensors file of the network's parameters, as 'netforge train' writes or PyTorch's "
          + "safetensors.torch.save_file. Without it the untrained initial weights (from --seed) are exported, "
          + "with a warning.")
  Path weights;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
      description = "Without --weights: the seed of the initial weights, as 'netforge train --seed'. "
          + "Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--onnx", paramLabel = "FILE", required = true, description = "The ONNX file to write.")
  Path onnx;

  @Option(names = "--overwrite", description = "Replace the --onnx file when it exists; without it, an existing "
      + "file is refused.")
  boolean overwrite;

  @Override
  public Integer call() throws Exception {
    WeightsOptions file = WeightsOptions.of(weights, networkName, classPath);
    // The cheap checks first: a weights path that is not there, an output that may not be replaced.
    if (weights != null) {
      file.checkExists();
    }
    NetworkChoice network = weights != null ? file.network()
        : NetworkChoice.parse(networkName != null ? networkName : DEFAULT_NETWORK, classPath.loader());
    NetworkSpec net = network.spec();
    OutputFile.check(onnx, overwrite, "--overwrite");
    OutputFile.check(OnnxExport.dataFile(onnx), overwrite, "--overwrite"); // an export may write or remove it
    float[] parameters;
    NetworkState state;
    String source;
    if (weights != null) {
      Weights read = file.read();
      parameters = read.parameters();
      state = read.state();
      source = "the weights " + weights;
    } else {
      PrintWriter err = spec.commandLine().getErr();
      err.println(spec.commandLine().getColorScheme().errorText("warning: ") + "no --weights given: exporting "
          + net.name() + "'s untrained initial weights (seed " + seed + "), whose outputs mean nothing yet");
      err.flush();
      parameters = ParameterInit.pytorchDefault(net, seed);
      state = NetworkState.initial(net);
      source = "initial weights (seed " + seed + ")";
    }
    List<Path> written = OnnxExport.write(net, parameters, state, onnx);
    System.out.printf(Locale.ROOT, "Exported %s with %s to %s (%,d bytes): ONNX opset %d, input 'input' %s, "
        + "output 'logits' [batch, %d]%n", net.name(), source, onnx, Files.size(onnx), OnnxExport.OPSET,
        Arrays.stream(net.inputShape()).mapToObj(Integer::toString).collect(Collectors.joining(", ", "[batch, ", "]")),
        net.classes());
    for (Path data : written.subList(1, written.size())) {
      System.out.printf(Locale.ROOT, "The parameters are in %s (%,d bytes), which must stay beside it%n", data,
          Files.size(data));
    }
    return ExitCodes.OK;
  }
}
