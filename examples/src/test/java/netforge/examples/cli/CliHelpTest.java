package netforge.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What {@code netforge <command> --help} shows: its own exit codes only, and examples that read as typed. */
class CliHelpTest {
  private static final CommandLine CLI = NetforgeCli.commandLine();

  @Test
  void everySubcommand_saysWhichExitCodesItReturns() {
    for (Map.Entry<String, CommandLine> sub : CLI.getSubcommands().entrySet()) {
      Object command = sub.getValue().getCommandSpec().userObject();
      assertNotNull(command.getClass().getAnnotation(ReturnsExitCodes.class), sub.getKey() + " lacks @ReturnsExitCodes");
    }
  }

  @Test
  void summaryHelp_listsOnlyTheCodesSummaryCanReturn() {
    String help = CLI.getSubcommands().get("summary").getUsageMessage(CommandLine.Help.Ansi.OFF);
    String codes = help.substring(help.indexOf("Exit codes:"));
    assertTrue(codes.contains("  0   Success."), codes);
    assertTrue(codes.contains("  2   Invalid options"), codes);
    for (String absent : List.of("  1   ", "  3   ", "  4   ", "  5   ")) {
      assertFalse(codes.contains(absent), "summary cannot return " + absent.strip() + ":\n" + codes);
    }
  }

  @Test
  void topLevelHelp_listsEveryCode() {
    String help = CLI.getUsageMessage(CommandLine.Help.Ansi.OFF);
    for (int code : ExitCodes.HELP.keySet()) {
      assertTrue(help.contains("  " + code + "   "), code + " missing from:\n" + help);
    }
  }

  /** An example line picocli wrapped would put half a command on a line of its own. */
  @Test
  void everyExampleLine_isPrintedWhole() {
    int examples = 0;
    for (Map.Entry<String, CommandLine> sub : CLI.getSubcommands().entrySet()) {
      String help = sub.getValue().getUsageMessage(CommandLine.Help.Ansi.OFF);
      List<String> lines = help.lines().toList();
      for (String footer : sub.getValue().getCommandSpec().usageMessage().footer()) {
        if (footer.startsWith("  netforge ") || footer.startsWith("      ")) {
          examples++;
          assertTrue(lines.contains(footer), sub.getKey() + "'s example was wrapped: '" + footer + "' in\n" + help);
        }
      }
    }
    assertTrue(examples >= 2 * CLI.getSubcommands().size() - 2, "examples found: " + examples);
  }

  @Test
  void exitCodeConstants_eachHaveOneHelpText() {
    assertEquals(List.of(ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE, ExitCodes.NO_DEVICE, ExitCodes.NO_DATA,
        ExitCodes.OUT_OF_MEMORY), List.copyOf(ExitCodes.HELP.keySet()));
  }
}
