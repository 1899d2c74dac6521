package netforge.runtime.train;

import java.util.ArrayList;
import java.util.List;
import netforge.runtime.cl.ClKernel;

/**
 * {@code torch.optim.Adam} and {@code AdamW}: {@code exp_avg}, {@code exp_avg_sq}, and {@code max_exp_avg_sq} with
 * amsgrad. AdamW differs only in where the weight decay goes: it scales the parameters by {@code 1 - lr * wd}
 * instead of adding {@code wd * p} to the gradient.
 */
record AdamRule(OptimizerConfig config) implements UpdateRule {
  @Override
  public String kernelName() {
    return "adam";
  }

  @Override
  public String macros() {
    return (decoupled() ? "-DDECOUPLED=1 " : "") + (config.amsgrad() ? "-DAMSGRAD=1" : "");
  }

  @Override
  public List<String> stateNames() {
    List<String> names = new ArrayList<>(List.of("exp_avg", "exp_avg_sq"));
    if (config.amsgrad()) {
      names.add("max_exp_avg_sq");
    }
    return List.copyOf(names);
  }

  @Override
  public void bindScalars(ClKernel kernel, int first, long t, double lr) {
    double beta1 = config.beta1();
    double beta2 = config.beta2();
    double stepSize = lr / (1 - Math.pow(beta1, t));
    double biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
    double paramScale = decoupled() ? 1 - lr * config.weightDecay() : 1;
    double coupledDecay = decoupled() ? 0 : config.weightDecay();
    kernel.set(first, (float) stepSize)
        .set(first + 1, (float) coupledDecay)
        .set(first + 2, (float) paramScale)
        .set(first + 3, (float) beta1)
        .set(first + 4, (float) (1 - beta1))
        .set(first + 5, (float) beta2)
        .set(first + 6, (float) (1 - beta2))
        .set(first + 7, (float) biasCorrection2Sqrt)
        .set(first + 8, (float) config.eps());
  }

  private boolean decoupled() {
    return config.kind() == OptimizerKind.ADAMW;
  }
}
