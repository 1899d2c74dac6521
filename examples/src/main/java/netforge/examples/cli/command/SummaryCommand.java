package netforge.examples.cli.command;

import java.util.concurrent.Callable;
import netforge.examples.cli.ExampleNetwork;
import netforge.examples.cli.ExitCodes;
import netforge.examples.cli.NetworkNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code netforge summary alexnet}: the per-layer table the processor computed at compile time. */
@Command(name = "summary", mixinStandardHelpOptions = true,
    description = "Print a network's layers: output shape, parameters, cumulative parameters, MFLOPs.",
    footer = {"", "Example:", "  netforge summary alexnet"})
public final class SummaryCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "NETWORK", completionCandidates = NetworkNames.class,
      description = "One of: ${COMPLETION-CANDIDATES}.")
  ExampleNetwork network;

  @Override
  public Integer call() {
    System.out.print(network.summary());
    return ExitCodes.OK;
  }
}
