package netforge.examples.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import netforge.examples.cli.command.BenchCommand;
import netforge.examples.cli.command.CompareCommand;
import netforge.examples.cli.command.DevicesCommand;
import netforge.examples.cli.command.EvaluateCommand;
import netforge.examples.cli.command.ExportCommand;
import netforge.examples.cli.command.PredictCommand;
import netforge.examples.cli.command.SummaryCommand;
import netforge.examples.cli.command.TrainCommand;
import netforge.runtime.NoOpenClException;
import netforge.runtime.NoSuchDeviceException;
import netforge.runtime.data.DatasetNotFoundException;
import netforge.runtime.data.EmptyDatasetException;
import netforge.runtime.cl.ClAllocationException;
import netforge.runtime.data.InputShapeMismatchException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * {@code netforge}: the example networks from the command line: their summaries, the OpenCL devices, training,
 * the tutorial's optimizer comparison with plots, evaluation, prediction and benchmarks.
 */
@Command(name = "netforge", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Neural networks declared as annotated Java classes, checked by javac, run as fused OpenCL kernels.",
    subcommands = {SummaryCommand.class, DevicesCommand.class, TrainCommand.class, CompareCommand.class,
        EvaluateCommand.class, PredictCommand.class, ExportCommand.class, BenchCommand.class},
    footer = {"", "Set NETFORGE_DEBUG=1 to see stack traces of failures."})
public final class NetforgeCli implements Runnable {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for the launcher and for tests. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new NetforgeCli());
    cli.registerConverter(ExampleNetwork.class, ExampleNetwork::parse);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(new FailureHandler());
    cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(exitCodeHelp(ExitCodes.HELP.keySet()));
    for (CommandLine sub : cli.getSubcommands().values()) {
      ReturnsExitCodes returns = sub.getCommandSpec().userObject().getClass().getAnnotation(ReturnsExitCodes.class);
      Set<Integer> codes = new TreeSet<>(ExitCodes.HELP.keySet()); // all of them, for a command that does not say
      if (returns != null) {
        codes.retainAll(Arrays.stream(returns.value()).boxed().toList());
      }
      sub.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodeHelp(codes));
    }
    return cli;
  }

  private static Map<String, String> exitCodeHelp(Set<Integer> codes) {
    Map<String, String> help = new LinkedHashMap<>();
    for (int code : codes) {
      help.put(Integer.toString(code), ExitCodes.HELP.get(code));
    }
    return help;
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  /** Known failures become one clear message and their exit code; anything else, a message and code 1. */
  static final class FailureHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
      PrintWriter err = cli.getErr();
      err.println(cli.getColorScheme().errorText("error: ") + message(e));
      if (System.getenv("NETFORGE_DEBUG") != null) {
        e.printStackTrace(err);
      }
      err.flush();
      if (e instanceof NoOpenClException || e instanceof NoSuchDeviceException) {
        return ExitCodes.NO_DEVICE;
      } else if (e instanceof ClAllocationException) { // DeviceMemoryException too: the batch does not fit
        return ExitCodes.OUT_OF_MEMORY;
      } else if (e instanceof DatasetNotFoundException || e instanceof EmptyDatasetException) {
        return ExitCodes.NO_DATA;
      } else if (e instanceof InputShapeMismatchException) {
        return ExitCodes.FAILED; // the data are unusable for this network: not a bad option, a failed job
      } else if (e instanceof IllegalArgumentException) {
        return ExitCodes.USAGE;
      }
      return ExitCodes.FAILED;
    }

    private static String message(Throwable e) {
      String message = e.getMessage();
      return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
  }
}
