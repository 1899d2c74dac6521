package netforge.runtime.train;

import java.util.List;
import netforge.runtime.cl.ClKernel;

/** {@code torch.optim.Adagrad}: one {@code sum}, which starts at {@code initial_accumulator_value}. */
record AdagradRule(OptimizerConfig config) implements UpdateRule {
  @Override
  public String kernelName() {
    return "adagrad";
  }

  @Override
  public List<String> stateNames() {
    return List.of("sum");
  }

  @Override
  public float initialValue(String name) {
    return (float) config.initialAccumulatorValue();
  }

  @Override
  public void bindScalars(ClKernel kernel, int first, long t, double lr) {
    double decayedLr = lr / (1 + (t - 1) * config.lrDecay());
    kernel.set(first, (float) decayedLr)
        .set(first + 1, (float) config.weightDecay())
        .set(first + 2, (float) config.eps());
  }
}
