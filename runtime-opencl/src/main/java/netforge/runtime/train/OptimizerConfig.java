package netforge.runtime.train;

import java.util.ArrayList;
import java.util.List;

/**
 * An optimizer and its hyper-parameters, named and defaulted as in PyTorch 1.13's {@code torch.optim}. A
 * hyper-parameter the kind does not use (see {@link OptimizerKind#hyperParameters()}) holds 0 or false, and its
 * wither throws, so that e.g. an {@code --rho} given to Adam is an error rather than silently ignored.
 *
 * <p>{@link #defaults} gives PyTorch's constructor defaults. Where PyTorch has none — {@code torch.optim.SGD}'s
 * {@code lr=required}, and a momentum for {@link OptimizerKind#MOMENTUM} and {@link OptimizerKind#NAG}, whose
 * PyTorch default of 0 would turn momentum off — the value is {@link #REQUIRED} and {@link #requireComplete()}
 * names it. {@link #tutorial} is the ready-to-use preset of the AlexNet tutorial.
 *
 * <p>{@code lr} is the base learning rate: an {@link LrSchedule} starts from it, and {@link Optimizer#step(double)}
 * takes the scheduled value each step. {@code nesterov} is not a separate switch: it is the kind {@code NAG}.
 */
public record OptimizerConfig(OptimizerKind kind, double lr, double momentum, double dampening, double weightDecay,
    double eps, double beta1, double beta2, double rho, double alpha, double lrDecay, double initialAccumulatorValue,
    boolean centered, boolean amsgrad) {

  /** Marks a hyper-parameter PyTorch has no default for; it must be set before an optimizer is built. */
  public static final double REQUIRED = Double.NaN;

  public OptimizerConfig {
    if (kind == null) {
      throw new IllegalArgumentException("an optimizer kind is required; valid names are "
          + OptimizerKind.validNames());
    }
    List<String> problems = new ArrayList<>();
    checkUnused(kind, "momentum", momentum != 0, problems);
    checkUnused(kind, "dampening", dampening != 0, problems);
    checkUnused(kind, "eps", eps != 0, problems);
    checkUnused(kind, "betas", beta1 != 0 || beta2 != 0, problems);
    checkUnused(kind, "rho", rho != 0, problems);
    checkUnused(kind, "alpha", alpha != 0, problems);
    checkUnused(kind, "lr_decay", lrDecay != 0, problems);
    checkUnused(kind, "initial_accumulator_value", initialAccumulatorValue != 0, problems);
    checkUnused(kind, "centered", centered, problems);
    checkUnused(kind, "amsgrad", amsgrad, problems);
    // The ranges torch.optim's constructors check, with its wording of the bounds.
    checkAtLeastZero("lr", lr, true, problems);
    checkAtLeastZero("momentum", momentum, true, problems);
    checkAtLeastZero("weight_decay", weightDecay, false, problems);
    checkAtLeastZero("eps", eps, false, problems);
    checkAtLeastZero("alpha", alpha, false, problems);
    checkAtLeastZero("lr_decay", lrDecay, false, problems);
    checkAtLeastZero("initial_accumulator_value", initialAccumulatorValue, false, problems);
    if (!Double.isFinite(dampening)) {
      problems.add("dampening must be a number, was " + dampening);
    }
    if (!(beta1 >= 0 && beta1 < 1) && kind.uses("betas")) {
      problems.add("betas[0] must be in [0, 1), was " + beta1);
    }
    if (!(beta2 >= 0 && beta2 < 1) && kind.uses("betas")) {
      problems.add("betas[1] must be in [0, 1), was " + beta2);
    }
    if (!(rho >= 0 && rho <= 1)) {
      problems.add("rho must be in [0, 1], was " + rho);
    }
    if ((kind == OptimizerKind.MOMENTUM || kind == OptimizerKind.NAG) && momentum == 0) {
      problems.add(kind.userName() + " needs a momentum above 0 (momentum 0 is plain sgd)");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(kind.userName() + ": " + String.join("; ", problems));
    }
  }

  /**
   * PyTorch 1.13's constructor defaults for {@code kind}: {@code SGD(lr=required, momentum=0, dampening=0,
   * weight_decay=0)}, {@code Adagrad(lr=1e-2, lr_decay=0, weight_decay=0, initial_accumulator_value=0,
   * eps=1e-10)}, {@code Adadelta(lr=1.0, rho=0.9, eps=1e-6, weight_decay=0)}, {@code RMSprop(lr=1e-2, alpha=0.99,
   * eps=1e-8, weight_decay=0, momentum=0, centered=False)}, {@code Adam(lr=1e-3, betas=(0.9, 0.999), eps=1e-8,
   * weight_decay=0, amsgrad=False)} and {@code AdamW} as Adam but {@code weight_decay=1e-2}.
   */
  public static OptimizerConfig defaults(OptimizerKind kind) {
    return switch (kind) {
      case SGD -> new OptimizerConfig(kind, REQUIRED, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, false);
      case MOMENTUM -> new OptimizerConfig(kind, REQUIRED, REQUIRED, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, false);
      case NAG -> new OptimizerConfig(kind, REQUIRED, REQUIRED, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, false);
      case ADAGRAD -> new OptimizerConfig(kind, 1e-2, 0, 0, 0, 1e-10, 0, 0, 0, 0, 0, 0, false, false);
      case ADADELTA -> new OptimizerConfig(kind, 1.0, 0, 0, 0, 1e-6, 0, 0, 0.9, 0, 0, 0, false, false);
      case RMSPROP -> new OptimizerConfig(kind, 1e-2, 0, 0, 0, 1e-8, 0, 0, 0, 0.99, 0, 0, false, false);
      case ADAM -> new OptimizerConfig(kind, 1e-3, 0, 0, 0, 1e-8, 0.9, 0.999, 0, 0, 0, 0, false, false);
      case ADAMW -> new OptimizerConfig(kind, 1e-3, 0, 0, 1e-2, 1e-8, 0.9, 0.999, 0, 0, 0, 0, false, false);
    };
  }

  /**
   * The AlexNet tutorial's settings: SGD lr 0.01 (momentum 0.9 for momentum and NAG), weight decay 5e-4; Adam lr
   * 1e-3, betas (0.9, 0.999), weight decay 1e-4; RMSprop lr 1e-3, alpha 0.9, weight decay 1e-5; Adagrad and Adadelta
   * lr 0.01, weight decay 5e-4; AdamW lr 1e-3 with PyTorch's default weight decay 1e-2. Everything else is PyTorch's
   * default.
   */
  public static OptimizerConfig tutorial(OptimizerKind kind) {
    OptimizerConfig base = defaults(kind);
    return switch (kind) {
      case SGD -> base.withLr(0.01).withWeightDecay(5e-4);
      case MOMENTUM, NAG -> base.withLr(0.01).withMomentum(0.9).withWeightDecay(5e-4);
      case ADAGRAD, ADADELTA -> base.withLr(0.01).withWeightDecay(5e-4);
      case RMSPROP -> base.withLr(1e-3).withAlpha(0.9).withWeightDecay(1e-5);
      case ADAM -> base.withLr(1e-3).withBetas(0.9, 0.999).withWeightDecay(1e-4);
      case ADAMW -> base.withLr(1e-3).withWeightDecay(1e-2);
    };
  }

  /** {@code torch.optim.SGD}'s {@code nesterov}: true exactly for {@link OptimizerKind#NAG}. */
  public boolean nesterov() {
    return kind == OptimizerKind.NAG;
  }

  /** Throws, naming each hyper-parameter that is still {@link #REQUIRED}. */
  public OptimizerConfig requireComplete() {
    List<String> missing = new ArrayList<>();
    if (Double.isNaN(lr)) {
      missing.add("lr (" + kind.pytorchClass() + " has no default learning rate)");
    }
    if (Double.isNaN(momentum)) {
      missing.add("momentum (PyTorch's default of 0 turns momentum off; 0.9 is usual)");
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(kind.userName() + " needs " + String.join(" and ", missing)
          + "; set it with a wither, or start from OptimizerConfig.tutorial(" + kind + ")");
    }
    return this;
  }

  public OptimizerConfig withLr(double value) {
    return new OptimizerConfig(kind, value, momentum, dampening, weightDecay, eps, beta1, beta2, rho, alpha, lrDecay,
        initialAccumulatorValue, centered, amsgrad);
  }

  public OptimizerConfig withMomentum(double value) {
    requireUsed("momentum");
    return new OptimizerConfig(kind, lr, value, dampening, weightDecay, eps, beta1, beta2, rho, alpha, lrDecay,
        initialAccumulatorValue, centered, amsgrad);
  }

  public OptimizerConfig withDampening(double value) {
    requireUsed("dampening");
    return new OptimizerConfig(kind, lr, momentum, value, weightDecay, eps, beta1, beta2, rho, alpha, lrDecay,
        initialAccumulatorValue, centered, amsgrad);
  }

  public OptimizerConfig withWeightDecay(double value) {
    return new OptimizerConfig(kind, lr, momentum, dampening, value, eps, beta1, beta2, rho, alpha, lrDecay,
        initialAccumulatorValue, centered, amsgrad);
  }

  public OptimizerConfig withEps(double value) {
    requireUsed("eps");
    return new OptimizerConfig(kind, lr, momentum, dampening, weightDecay, value, beta1, beta2, rho, alpha, lrDecay,
        initialAccumulatorValue, centered, amsgrad);
  }

  public OptimizerConfig withBetas(double first, double second) {
    requireUsed("betas");
    return new OptimizerConfig(kind, lr, momentum, dampening, weightDecay, eps, first, second, rho, alpha, lrDecay,
        initialAccumulatorValue, centered, amsgrad);
  }

  public OptimizerConfig withRho(double value) {
    requireUsed("rho");
    return new OptimizerConfig(kind, lr, momentum, dampening, weightDecay, eps, beta1, beta2, value, alpha, lrDecay,
        initialAccumulatorValue, centered, amsgrad);
  }

  public OptimizerConfig withAlpha(double value) {
    requireUsed("alpha");
    return new OptimizerConfig(kind, lr, momentum, dampening, weightDecay, eps, beta1, beta2, rho, value, lrDecay,
        initialAccumulatorValue, centered, amsgrad);
  }

  public OptimizerConfig withLrDecay(double value) {
    requireUsed("lr_decay");
    return new OptimizerConfig(kind, lr, momentum, dampening, weightDecay, eps, beta1, beta2, rho, alpha, value,
        initialAccumulatorValue, centered, amsgrad);
  }

  public OptimizerConfig withInitialAccumulatorValue(double value) {
    requireUsed("initial_accumulator_value");
    return new OptimizerConfig(kind, lr, momentum, dampening, weightDecay, eps, beta1, beta2, rho, alpha, lrDecay,
        value, centered, amsgrad);
  }

  public OptimizerConfig withCentered(boolean value) {
    requireUsed("centered");
    return new OptimizerConfig(kind, lr, momentum, dampening, weightDecay, eps, beta1, beta2, rho, alpha, lrDecay,
        initialAccumulatorValue, value, amsgrad);
  }

  public OptimizerConfig withAmsgrad(boolean value) {
    requireUsed("amsgrad");
    return new OptimizerConfig(kind, lr, momentum, dampening, weightDecay, eps, beta1, beta2, rho, alpha, lrDecay,
        initialAccumulatorValue, centered, value);
  }

  /** PyTorch-style: {@code adam(lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0.0001, amsgrad=false)}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    for (String name : kind.hyperParameters()) {
      parts.add(name + "=" + switch (name) {
        case "lr" -> number(lr);
        case "momentum" -> number(momentum);
        case "dampening" -> number(dampening);
        case "weight_decay" -> number(weightDecay);
        case "eps" -> number(eps);
        case "betas" -> "(" + number(beta1) + ", " + number(beta2) + ")";
        case "rho" -> number(rho);
        case "alpha" -> number(alpha);
        case "lr_decay" -> number(lrDecay);
        case "initial_accumulator_value" -> number(initialAccumulatorValue);
        case "centered" -> Boolean.toString(centered);
        case "amsgrad" -> Boolean.toString(amsgrad);
        default -> throw new IllegalStateException("no hyper-parameter " + name);
      });
    }
    return kind.userName() + "(" + String.join(", ", parts) + ")";
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "required" : Double.toString(value);
  }

  private void requireUsed(String hyperParameter) {
    if (!kind.uses(hyperParameter)) {
      throw new IllegalArgumentException(kind.userName() + " has no hyper-parameter '" + hyperParameter
          + "'; it uses " + String.join(", ", kind.hyperParameters()));
    }
  }

  private static void checkUnused(OptimizerKind kind, String hyperParameter, boolean set, List<String> problems) {
    if (set && !kind.uses(hyperParameter)) {
      problems.add("has no hyper-parameter '" + hyperParameter + "' (it uses "
          + String.join(", ", kind.hyperParameters()) + ")");
    }
  }

  private static void checkAtLeastZero(String name, double value, boolean mayBeRequired, List<String> problems) {
    if (Double.isNaN(value) && mayBeRequired) {
      return;
    }
    if (!(value >= 0) || Double.isInfinite(value)) {
      problems.add(name + " must be a number >= 0, was " + value);
    }
  }
}
