package netforge.runtime.train;

import java.util.List;
import netforge.runtime.cl.ClKernel;

/** {@code torch.optim.Adadelta}: {@code square_avg} and {@code acc_delta}. */
record AdadeltaRule(OptimizerConfig config) implements UpdateRule {
  @Override
  public String kernelName() {
    return "adadelta";
  }

  @Override
  public List<String> stateNames() {
    return List.of("square_avg", "acc_delta");
  }

  @Override
  public void bindScalars(ClKernel kernel, int first, long t, double lr) {
    kernel.set(first, (float) lr)
        .set(first + 1, (float) config.weightDecay())
        .set(first + 2, (float) config.rho())
        .set(first + 3, (float) (1 - config.rho()))
        .set(first + 4, (float) config.eps());
  }
}
