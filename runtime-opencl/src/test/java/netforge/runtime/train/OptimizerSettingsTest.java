package netforge.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The test settings themselves, with the double reference only (no device): coverage and sensitivity. */
class OptimizerSettingsTest {
  @Test
  void settings_coverEveryKindAndSwitch_allWithWeightDecay() {
    List<OptimizerConfig> configs = OptimizerSettings.settings().map(a -> (OptimizerConfig) a.get()[1]).toList();
    Set<OptimizerKind> kinds = configs.stream().map(OptimizerConfig::kind).collect(Collectors.toSet());
    assertEquals(EnumSet.allOf(OptimizerKind.class), kinds);
    assertTrue(configs.stream().allMatch(c -> c.weightDecay() > 0), "every setting has weight decay");
    assertTrue(configs.stream().anyMatch(c -> c.dampening() > 0));
    assertTrue(configs.stream().anyMatch(OptimizerConfig::nesterov));
    assertTrue(configs.stream().anyMatch(OptimizerConfig::centered));
    assertTrue(configs.stream().anyMatch(c -> c.kind() == OptimizerKind.RMSPROP && c.momentum() > 0));
    assertTrue(configs.stream().anyMatch(c -> c.kind() == OptimizerKind.ADAM && c.amsgrad()));
    assertTrue(configs.stream().anyMatch(c -> c.kind() == OptimizerKind.ADAMW && c.amsgrad()));
    assertTrue(configs.stream().anyMatch(c -> c.lrDecay() > 0));
    assertTrue(configs.stream().anyMatch(c -> c.initialAccumulatorValue() > 0));
  }

  /**
   * For each kind, dropping the weight decay, and for each switch, turning it off, must change the reference result
   * by more than ten times the tolerance in at least one setting; otherwise the test could not see a kernel that
   * forgets it. (The tutorial's own weight decays for adadelta, rmsprop and adam are too small to show at three
   * steps, which is why each kind also has a setting with a larger one.)
   */
  @Test
  void settings_moveResultsFarBeyondTheTolerance_whenAnyTermIsDropped() {
    List<OptimizerConfig> configs = OptimizerSettings.settings().map(a -> (OptimizerConfig) a.get()[1]).toList();
    double visible = 10 * OptimizerTest.PARAMETER_TOLERANCE;
    for (OptimizerKind kind : OptimizerKind.values()) {
      assertTrue(configs.stream().filter(c -> c.kind() == kind)
          .anyMatch(c -> effect(c, c.withWeightDecay(0)) > visible), kind + ": weight decay");
    }
    assertTrue(configs.stream().filter(c -> c.dampening() > 0)
        .anyMatch(c -> effect(c, c.withDampening(0)) > visible), "dampening");
    assertTrue(configs.stream().filter(OptimizerConfig::nesterov)
        .anyMatch(c -> effect(c, OptimizerConfig.defaults(OptimizerKind.MOMENTUM).withLr(c.lr())
            .withMomentum(c.momentum()).withWeightDecay(c.weightDecay())) > visible), "nesterov");
    assertTrue(configs.stream().filter(c -> c.kind() == OptimizerKind.MOMENTUM)
        .anyMatch(c -> effect(c, OptimizerConfig.defaults(OptimizerKind.SGD).withLr(c.lr())
            .withWeightDecay(c.weightDecay())) > visible), "momentum");
    assertTrue(configs.stream().filter(c -> c.lrDecay() > 0)
        .anyMatch(c -> effect(c, c.withLrDecay(0)) > visible), "lr_decay");
    assertTrue(configs.stream().filter(c -> c.initialAccumulatorValue() > 0)
        .anyMatch(c -> effect(c, c.withInitialAccumulatorValue(0)) > visible), "initial_accumulator_value");
    assertTrue(configs.stream().filter(OptimizerConfig::centered)
        .anyMatch(c -> effect(c, c.withCentered(false)) > visible), "centered");
    assertTrue(configs.stream().filter(c -> c.kind() == OptimizerKind.RMSPROP && c.momentum() > 0)
        .anyMatch(c -> effect(c, c.withMomentum(0)) > visible), "rmsprop momentum");
    for (OptimizerKind kind : List.of(OptimizerKind.ADAM, OptimizerKind.ADAMW)) {
      assertTrue(configs.stream().filter(c -> c.kind() == kind && c.amsgrad())
          .anyMatch(c -> effect(c, c.withAmsgrad(false)) > visible), kind + ": amsgrad");
    }
  }

  /** The largest difference between the reference results of two settings on the tiny problem. */
  private static double effect(OptimizerConfig config, OptimizerConfig changed) {
    double[] a = referenceAfterSteps(config);
    double[] b = referenceAfterSteps(changed);
    double largest = 0;
    for (int i = 0; i < a.length; i++) {
      largest = Math.max(largest, Math.abs(a[i] - b[i]));
    }
    return largest;
  }

  private static double[] referenceAfterSteps(OptimizerConfig config) {
    PytorchReference reference = new PytorchReference(config, TinyProblem.initialParameters(TinyProblem.COUNT));
    for (int k = 0; k < TinyProblem.STEPS; k++) {
      // The learning rates of the changed setting are those of the original, as only the term differs.
      reference.step(TinyProblem.gradient(k, TinyProblem.COUNT), TinyProblem.lr(config, k));
    }
    return reference.param;
  }
}
