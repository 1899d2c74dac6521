package netforge.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptimizerConfigTest {
  /**
   * PyTorch 1.13's constructor defaults, copied from the signatures in torch/optim/*.py; "required" is
   * {@code lr=required} of {@code torch.optim.SGD} and the momentum the momentum kinds cannot leave at 0. Unused
   * hyper-parameters are 0.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "required", value = {
      // kind,  lr,   momentum, dampening, wd,   eps,   beta1, beta2, rho, alpha, lr_decay, init_acc, centered, amsgrad
      "SGD,      required, 0,        0,    0,    0,     0,     0,     0,   0,     0,        0,        false, false",
      "MOMENTUM, required, required, 0,    0,    0,     0,     0,     0,   0,     0,        0,        false, false",
      "NAG,      required, required, 0,    0,    0,     0,     0,     0,   0,     0,        0,        false, false",
      "ADAGRAD,  1e-2,     0,        0,    0,    1e-10, 0,     0,     0,   0,     0,        0,        false, false",
      "ADADELTA, 1.0,      0,        0,    0,    1e-6,  0,     0,     0.9, 0,     0,        0,        false, false",
      "RMSPROP,  1e-2,     0,        0,    0,    1e-8,  0,     0,     0,   0.99,  0,        0,        false, false",
      "ADAM,     1e-3,     0,        0,    0,    1e-8,  0.9,   0.999, 0,   0,     0,        0,        false, false",
      "ADAMW,    1e-3,     0,        0,    1e-2, 1e-8,  0.9,   0.999, 0,   0,     0,        0,        false, false"})
  void defaults_arePytorchs(OptimizerKind kind, Double lr, Double momentum, double dampening, double weightDecay,
      double eps, double beta1, double beta2, double rho, double alpha, double lrDecay, double initialAccumulator,
      boolean centered, boolean amsgrad) {
    OptimizerConfig config = OptimizerConfig.defaults(kind);
    assertEquals(lr == null ? OptimizerConfig.REQUIRED : lr, config.lr(), "lr");
    assertEquals(momentum == null ? OptimizerConfig.REQUIRED : momentum, config.momentum(), "momentum");
    assertEquals(dampening, config.dampening(), "dampening");
    assertEquals(weightDecay, config.weightDecay(), "weight_decay");
    assertEquals(eps, config.eps(), "eps");
    assertEquals(beta1, config.beta1(), "betas[0]");
    assertEquals(beta2, config.beta2(), "betas[1]");
    assertEquals(rho, config.rho(), "rho");
    assertEquals(alpha, config.alpha(), "alpha");
    assertEquals(lrDecay, config.lrDecay(), "lr_decay");
    assertEquals(initialAccumulator, config.initialAccumulatorValue(), "initial_accumulator_value");
    assertEquals(centered, config.centered(), "centered");
    assertEquals(amsgrad, config.amsgrad(), "amsgrad");
    assertEquals(kind == OptimizerKind.NAG, config.nesterov(), "nesterov");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "SGD,      'sgd(lr=0.01, weight_decay=5.0E-4)'",
      "MOMENTUM, 'momentum(lr=0.01, momentum=0.9, dampening=0.0, weight_decay=5.0E-4)'",
      "NAG,      'nag(lr=0.01, momentum=0.9, weight_decay=5.0E-4)'",
      "ADAGRAD,  'adagrad(lr=0.01, lr_decay=0.0, weight_decay=5.0E-4, initial_accumulator_value=0.0, eps=1.0E-10)'",
      "ADADELTA, 'adadelta(lr=0.01, rho=0.9, eps=1.0E-6, weight_decay=5.0E-4)'",
      "RMSPROP,  'rmsprop(lr=0.001, alpha=0.9, eps=1.0E-8, weight_decay=1.0E-5, momentum=0.0, centered=false)'",
      "ADAM,     'adam(lr=0.001, betas=(0.9, 0.999), eps=1.0E-8, weight_decay=1.0E-4, amsgrad=false)'",
      "ADAMW,    'adamw(lr=0.001, betas=(0.9, 0.999), eps=1.0E-8, weight_decay=0.01, amsgrad=false)'"})
  void tutorial_isTheTutorialsSettings_andComplete(OptimizerKind kind, String expected) {
    OptimizerConfig config = OptimizerConfig.tutorial(kind);
    assertEquals(expected, config.toString());
    assertEquals(config, config.requireComplete());
  }

  @Test
  void requireComplete_namesWhatPytorchHasNoDefaultFor() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OptimizerConfig.defaults(OptimizerKind.NAG).requireComplete());
    assertEquals("nag needs lr (torch.optim.SGD has no default learning rate) and momentum (PyTorch's default of 0 "
        + "turns momentum off; 0.9 is usual); set it with a wither, or start from OptimizerConfig.tutorial(NAG)",
        e.getMessage());
    assertEquals(0.05, OptimizerConfig.defaults(OptimizerKind.SGD).withLr(0.05).requireComplete().lr());
  }

  @Test
  void withers_ofHyperParametersTheKindDoesNotUse_throw() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OptimizerConfig.tutorial(OptimizerKind.ADAM).withRho(0.5));
    assertEquals("adam has no hyper-parameter 'rho'; it uses lr, betas, eps, weight_decay, amsgrad", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> OptimizerConfig.tutorial(OptimizerKind.SGD).withMomentum(0.9));
    assertThrows(IllegalArgumentException.class, () -> OptimizerConfig.tutorial(OptimizerKind.NAG).withDampening(0.1));
    assertThrows(IllegalArgumentException.class,
        () -> OptimizerConfig.tutorial(OptimizerKind.ADAGRAD).withAmsgrad(true));
    assertThrows(IllegalArgumentException.class,
        () -> OptimizerConfig.tutorial(OptimizerKind.RMSPROP).withBetas(0.9, 0.99));
  }

  @Test
  void withers_changeOnlyTheirValue() {
    OptimizerConfig base = OptimizerConfig.tutorial(OptimizerKind.RMSPROP);
    OptimizerConfig changed = base.withCentered(true).withMomentum(0.5).withEps(1e-6);
    assertTrue(changed.centered());
    assertEquals(0.5, changed.momentum());
    assertEquals(1e-6, changed.eps());
    assertEquals(base.lr(), changed.lr());
    assertEquals(base.alpha(), changed.alpha());
    assertEquals(base.weightDecay(), changed.weightDecay());
    assertFalse(base.centered(), "records do not change");
  }

  @Test
  void constructor_checksPytorchsRanges_andReportsThemAll() {
    OptimizerConfig adam = OptimizerConfig.defaults(OptimizerKind.ADAM);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OptimizerConfig(
        OptimizerKind.ADAM, -1, 0, 0, 0, 1e-8, 1.0, 0.999, 0, 0, 0, 0, false, false));
    assertEquals("adam: lr must be a number >= 0, was -1.0; betas[0] must be in [0, 1), was 1.0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> adam.withEps(-1e-8));
    assertThrows(IllegalArgumentException.class, () -> adam.withWeightDecay(Double.NaN));
    assertThrows(IllegalArgumentException.class,
        () -> OptimizerConfig.defaults(OptimizerKind.ADADELTA).withRho(1.5));
    assertThrows(IllegalArgumentException.class,
        () -> OptimizerConfig.defaults(OptimizerKind.ADAGRAD).withLrDecay(-0.1));
    assertThrows(IllegalArgumentException.class,
        () -> OptimizerConfig.defaults(OptimizerKind.ADAGRAD).withInitialAccumulatorValue(-1));
    assertThrows(IllegalArgumentException.class,
        () -> OptimizerConfig.defaults(OptimizerKind.RMSPROP).withAlpha(-0.5));
  }

  @Test
  void momentumKinds_rejectZeroMomentum() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OptimizerConfig.tutorial(OptimizerKind.MOMENTUM).withMomentum(0));
    assertEquals("momentum: momentum needs a momentum above 0 (momentum 0 is plain sgd)", e.getMessage());
  }

  @Test
  void canonicalConstructor_rejectsValuesForUnusedHyperParameters() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OptimizerConfig(
        OptimizerKind.SGD, 0.1, 0.9, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, false));
    assertEquals("sgd: has no hyper-parameter 'momentum' (it uses lr, weight_decay)", e.getMessage());
  }
}
