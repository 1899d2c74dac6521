package netforge.runtime.train;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The optimizers NetForge trains with, each the {@code torch.optim} class (and flags) whose update rule it follows.
 * SGD, momentum and Nesterov are three kinds although PyTorch has one class for them, because users pick them by
 * name (the tutorial compares them side by side) and because each needs different state.
 */
public enum OptimizerKind {
  /** {@code torch.optim.SGD} without momentum. */
  SGD("sgd", "torch.optim.SGD", "lr", "weight_decay"),
  /** {@code torch.optim.SGD(momentum > 0)}: heavy-ball momentum. */
  MOMENTUM("momentum", "torch.optim.SGD", "lr", "momentum", "dampening", "weight_decay"),
  /** {@code torch.optim.SGD(momentum > 0, nesterov=True)}; PyTorch requires zero dampening for it. */
  NAG("nag", "torch.optim.SGD", "lr", "momentum", "weight_decay"),
  ADAGRAD("adagrad", "torch.optim.Adagrad", "lr", "lr_decay", "weight_decay", "initial_accumulator_value", "eps"),
  ADADELTA("adadelta", "torch.optim.Adadelta", "lr", "rho", "eps", "weight_decay"),
  RMSPROP("rmsprop", "torch.optim.RMSprop", "lr", "alpha", "eps", "weight_decay", "momentum", "centered"),
  ADAM("adam", "torch.optim.Adam", "lr", "betas", "eps", "weight_decay", "amsgrad"),
  /** {@code torch.optim.AdamW}: Adam with weight decay applied to the parameters, not added to the gradient. */
  ADAMW("adamw", "torch.optim.AdamW", "lr", "betas", "eps", "weight_decay", "amsgrad");

  private final String userName;
  private final String pytorchClass;
  private final List<String> hyperParameters;

  OptimizerKind(String userName, String pytorchClass, String... hyperParameters) {
    this.userName = userName;
    this.pytorchClass = pytorchClass;
    this.hyperParameters = List.of(hyperParameters);
  }

  /** The name users type, e.g. {@code rmsprop}. */
  public String userName() {
    return userName;
  }

  /** The PyTorch class whose documented update rule this kind follows. */
  public String pytorchClass() {
    return pytorchClass;
  }

  /** The hyper-parameters this kind uses, by their PyTorch keyword names. */
  public List<String> hyperParameters() {
    return hyperParameters;
  }

  public boolean uses(String hyperParameter) {
    return hyperParameters.contains(hyperParameter);
  }

  /** The kind named {@code name}, case-insensitively ({@code "Adam"}, {@code "NAG"}, {@code " sgd "}). */
  public static OptimizerKind parse(String name) {
    String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    for (OptimizerKind kind : values()) {
      if (kind.userName.equals(wanted)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown optimizer '" + name + "'; valid names are " + validNames());
  }

  /** {@code sgd, momentum, nag, adagrad, adadelta, rmsprop, adam, adamw}. */
  public static String validNames() {
    return Arrays.stream(values()).map(OptimizerKind::userName).collect(Collectors.joining(", "));
  }
}
