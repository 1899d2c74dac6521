package netforge.runtime.train;

import java.util.List;
import netforge.runtime.cl.ClKernel;

/** {@code torch.optim.SGD} without momentum: no state. */
record SgdRule(OptimizerConfig config) implements UpdateRule {
  @Override
  public String kernelName() {
    return "sgd";
  }

  @Override
  public List<String> stateNames() {
    return List.of();
  }

  @Override
  public void bindScalars(ClKernel kernel, int first, long t, double lr) {
    kernel.set(first, (float) lr).set(first + 1, (float) config.weightDecay());
  }
}
