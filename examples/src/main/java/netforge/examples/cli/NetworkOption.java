package netforge.examples.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --network} (and {@code --classpath}): which network a command runs. */
public final class NetworkOption {
  @Option(names = "--network", paramLabel = "NETWORK", defaultValue = "alexnet-cifar",
      completionCandidates = NetworkNames.class,
      description = "${COMPLETION-CANDIDATES}, or the class name of a network of your own (com.example.MyNet, "
          + "found on --classpath). Default: ${DEFAULT-VALUE}.")
  String name;

  @Mixin
  ClassPathOption classPath;

  private NetworkChoice network;

  /**
   * The network, looked up once (after all options are parsed, so that {@code --classpath} may come after it).
   *
   * @throws IllegalArgumentException (exit code {@value ExitCodes#USAGE}) when there is no such network
   */
  public NetworkChoice network() {
    if (network == null) {
      network = NetworkChoice.parse(name, classPath.loader());
    }
    return network;
  }
}
