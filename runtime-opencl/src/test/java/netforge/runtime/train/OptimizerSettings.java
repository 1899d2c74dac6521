package netforge.runtime.train;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The optimizer settings the tests run, on {@link TinyProblem}: several per kind, every one with weight decay, and
 * every switch of every kind on in at least one. {@link OptimizerSettingsTest} checks that they cover everything
 * and that each term they exercise shows clearly above the tests' tolerance.
 */
final class OptimizerSettings {
  private OptimizerSettings() {}

  /** Pairs of a readable name and a setting. */
  static Stream<Arguments> settings() {
    return Stream.of(
        setting("sgd tutorial", OptimizerConfig.tutorial(OptimizerKind.SGD)),
        setting("sgd lr 0.1 wd 0.01", OptimizerConfig.defaults(OptimizerKind.SGD).withLr(0.1).withWeightDecay(0.01)),
        setting("momentum tutorial", OptimizerConfig.tutorial(OptimizerKind.MOMENTUM)),
        setting("momentum 0.5 dampening 0.3", OptimizerConfig.defaults(OptimizerKind.MOMENTUM).withLr(0.1)
            .withMomentum(0.5).withDampening(0.3).withWeightDecay(0.01)),
        setting("nag tutorial", OptimizerConfig.tutorial(OptimizerKind.NAG)),
        setting("nag 0.8 wd 0.02", OptimizerConfig.defaults(OptimizerKind.NAG).withLr(0.05).withMomentum(0.8)
            .withWeightDecay(0.02)),
        setting("adagrad tutorial", OptimizerConfig.tutorial(OptimizerKind.ADAGRAD)),
        setting("adagrad lr_decay initial_accumulator eps", OptimizerConfig.defaults(OptimizerKind.ADAGRAD)
            .withLr(0.1).withLrDecay(0.5).withInitialAccumulatorValue(0.2).withEps(1e-6).withWeightDecay(0.01)),
        setting("adadelta tutorial", OptimizerConfig.tutorial(OptimizerKind.ADADELTA)),
        setting("adadelta defaults wd 0.01", OptimizerConfig.defaults(OptimizerKind.ADADELTA).withWeightDecay(0.01)),
        setting("adadelta rho 0.5 eps 1e-3", OptimizerConfig.defaults(OptimizerKind.ADADELTA).withLr(0.5)
            .withRho(0.5).withEps(1e-3).withWeightDecay(0.1)),
        setting("rmsprop tutorial", OptimizerConfig.tutorial(OptimizerKind.RMSPROP)),
        setting("rmsprop centered", OptimizerConfig.defaults(OptimizerKind.RMSPROP).withCentered(true)
            .withWeightDecay(0.01)),
        setting("rmsprop momentum", OptimizerConfig.defaults(OptimizerKind.RMSPROP).withMomentum(0.9)
            .withWeightDecay(1e-3)),
        setting("rmsprop centered momentum alpha eps", OptimizerConfig.defaults(OptimizerKind.RMSPROP).withLr(0.02)
            .withCentered(true).withMomentum(0.5).withAlpha(0.8).withEps(1e-4).withWeightDecay(0.05)),
        setting("adam tutorial", OptimizerConfig.tutorial(OptimizerKind.ADAM)),
        setting("adam amsgrad betas eps", OptimizerConfig.defaults(OptimizerKind.ADAM).withLr(0.01).withAmsgrad(true)
            .withBetas(0.8, 0.9).withEps(1e-6).withWeightDecay(0.01)),
        setting("adamw tutorial", OptimizerConfig.tutorial(OptimizerKind.ADAMW)),
        setting("adamw amsgrad", OptimizerConfig.defaults(OptimizerKind.ADAMW).withLr(0.01).withAmsgrad(true)
            .withBetas(0.5, 0.99).withWeightDecay(0.1)));
  }

  /** One setting per kind with every switch of that kind on: what the long and restore tests run. */
  static Stream<OptimizerConfig> richest() {
    return Stream.of(
        OptimizerConfig.defaults(OptimizerKind.SGD).withLr(0.1).withWeightDecay(0.01),
        OptimizerConfig.defaults(OptimizerKind.MOMENTUM).withLr(0.1).withMomentum(0.5).withDampening(0.3)
            .withWeightDecay(0.01),
        OptimizerConfig.defaults(OptimizerKind.NAG).withLr(0.05).withMomentum(0.8).withWeightDecay(0.02),
        OptimizerConfig.defaults(OptimizerKind.ADAGRAD).withLr(0.1).withLrDecay(0.5)
            .withInitialAccumulatorValue(0.2).withWeightDecay(0.01),
        OptimizerConfig.defaults(OptimizerKind.ADADELTA).withWeightDecay(0.01),
        OptimizerConfig.defaults(OptimizerKind.RMSPROP).withCentered(true).withMomentum(0.5).withWeightDecay(0.05),
        OptimizerConfig.defaults(OptimizerKind.ADAM).withAmsgrad(true).withWeightDecay(0.01),
        OptimizerConfig.defaults(OptimizerKind.ADAMW).withAmsgrad(true).withLr(0.01));
  }

  private static Arguments setting(String name, OptimizerConfig config) {
    return Arguments.of(name, config);
  }
}
