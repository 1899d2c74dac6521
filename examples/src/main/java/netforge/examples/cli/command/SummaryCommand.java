package netforge.examples.cli.command;

import java.util.concurrent.Callable;
import netforge.examples.cli.ClassPathOption;
import netforge.examples.cli.ExitCodes;
import netforge.examples.cli.ReturnsExitCodes;
import netforge.examples.cli.NetworkChoice;
import netforge.examples.cli.NetworkNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code netforge summary alexnet}: the per-layer table the processor computed at compile time. */
@ReturnsExitCodes({ExitCodes.OK, ExitCodes.USAGE})
@Command(name = "summary", mixinStandardHelpOptions = true,
    description = "Print a network's layers: output shape, parameters, cumulative parameters, MFLOPs.",
    footer = {"", "Examples:", "  netforge summary alexnet",
        "  netforge summary --classpath target/classes com.example.TinyNet"})
public final class SummaryCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "NETWORK", completionCandidates = NetworkNames.class,
      description = "One of: ${COMPLETION-CANDIDATES}, or the class name of a network of your own.")
  String network;

  @Mixin
  ClassPathOption classPath;

  @Override
  public Integer call() {
    System.out.print(NetworkChoice.parse(network, classPath.loader()).summary());
    return ExitCodes.OK;
  }
}
