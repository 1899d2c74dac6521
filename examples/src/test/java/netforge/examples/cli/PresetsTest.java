package netforge.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import netforge.examples.cli.command.CompareCommand;
import netforge.runtime.train.OptimizerKind;
import org.junit.jupiter.api.Test;

/** The names and presets the command line offers all come from one table each. */
class PresetsTest {
  @Test
  void compareDefault_isTheTutorialsSeven() {
    assertEquals(List.of(OptimizerKind.SGD, OptimizerKind.MOMENTUM, OptimizerKind.NAG, OptimizerKind.ADAGRAD,
        OptimizerKind.ADADELTA, OptimizerKind.RMSPROP, OptimizerKind.ADAM), CompareCommand.TUTORIAL_OPTIMIZERS);
  }

  @Test
  void optimizerNames_areEveryKindsUserName() {
    List<String> names = new ArrayList<>();
    new OptimizerNames().forEach(names::add);
    assertEquals(OptimizerKind.validNames(), String.join(", ", names));
  }

  @Test
  void trainHelp_listsEveryOptimizer() {
    String help = NetforgeCli.commandLine().getSubcommands().get("train").getUsageMessage();
    assertTrue(help.replaceAll("\\s+", " ").contains(OptimizerKind.validNames() + ", with the tutorial's settings"),
        help);
  }

  @Test
  void programSource_isTheGeneratedProgramBesideEachModel() {
    for (ExampleNetwork network : ExampleNetwork.values()) {
      assertTrue(network.type().programSource().contains("__kernel"), network.id());
    }
  }
}
