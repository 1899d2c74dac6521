package netforge.examples.cli;

import picocli.CommandLine.Option;

/** {@code --network}: which example network a command runs. */
public final class NetworkOption {
  @Option(names = "--network", paramLabel = "NETWORK", defaultValue = "alexnet-cifar",
      completionCandidates = NetworkNames.class, description = "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  public ExampleNetwork network;
}
