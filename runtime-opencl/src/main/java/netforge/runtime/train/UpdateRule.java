package netforge.runtime.train;

import java.util.List;
import netforge.runtime.cl.ClKernel;

/**
 * One optimizer's update rule as the kernel source implements it: which kernel, which feature macros, which state
 * buffers (in the kernel's argument order, named as PyTorch names its state), and the per-step scalars. A kernel's
 * arguments are always the parameters, the gradients, the state buffers, the element count, then the scalars.
 */
sealed interface UpdateRule permits SgdRule, MomentumRule, AdagradRule, AdadeltaRule, RmspropRule, AdamRule {

  static UpdateRule of(OptimizerConfig config) {
    return switch (config.kind()) {
      case SGD -> new SgdRule(config);
      case MOMENTUM, NAG -> new MomentumRule(config);
      case ADAGRAD -> new AdagradRule(config);
      case ADADELTA -> new AdadeltaRule(config);
      case RMSPROP -> new RmspropRule(config);
      case ADAM, ADAMW -> new AdamRule(config);
    };
  }

  /** The kernel's name in {@code optimizers.cl}. */
  String kernelName();

  /** {@code -D} options for the feature switches this configuration turns on; empty when there are none. */
  default String macros() {
    return "";
  }

  /** The state buffers, in kernel-argument order. */
  List<String> stateNames();

  /** The value every element of state {@code name} starts at. */
  default float initialValue(String name) {
    return 0f;
  }

  /**
   * Sets the scalar arguments from index {@code first} for step {@code t} (1 for the first step, as PyTorch counts)
   * with learning rate {@code lr}. Derived scalars are computed here in double, then rounded to float once.
   */
  void bindScalars(ClKernel kernel, int first, long t, double lr);
}
