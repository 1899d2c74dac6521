package netforge.runtime.train;

import java.util.List;
import netforge.runtime.cl.ClKernel;

/** {@code torch.optim.SGD} with momentum, heavy-ball or Nesterov: one {@code momentum_buffer}. */
record MomentumRule(OptimizerConfig config) implements UpdateRule {
  @Override
  public String kernelName() {
    return "sgd_momentum";
  }

  @Override
  public String macros() {
    return config.nesterov() ? "-DNESTEROV=1" : "";
  }

  @Override
  public List<String> stateNames() {
    return List.of("momentum_buffer");
  }

  @Override
  public void bindScalars(ClKernel kernel, int first, long t, double lr) {
    // PyTorch's first step copies the gradient into the (zero) buffer rather than applying (1 - dampening).
    boolean firstStep = t == 1;
    double bufferKeep = firstStep ? 0 : config.momentum();
    double gradTake = firstStep ? 1 : 1 - config.dampening();
    kernel.set(first, (float) lr)
        .set(first + 1, (float) config.weightDecay())
        .set(first + 2, (float) config.momentum())
        .set(first + 3, (float) bufferKeep)
        .set(first + 4, (float) gradTake);
  }
}
