package netforge.runtime.train;

import java.util.ArrayList;
import java.util.List;
import netforge.runtime.cl.ClKernel;

/**
 * {@code torch.optim.RMSprop}: {@code square_avg}, plus {@code momentum_buffer} when momentum is above 0 and
 * {@code grad_avg} when centered, as PyTorch creates them.
 */
record RmspropRule(OptimizerConfig config) implements UpdateRule {
  @Override
  public String kernelName() {
    return "rmsprop";
  }

  @Override
  public String macros() {
    return (usesMomentum() ? "-DRMS_MOMENTUM=1 " : "") + (config.centered() ? "-DCENTERED=1" : "");
  }

  @Override
  public List<String> stateNames() {
    List<String> names = new ArrayList<>(List.of("square_avg"));
    if (usesMomentum()) {
      names.add("momentum_buffer");
    }
    if (config.centered()) {
      names.add("grad_avg");
    }
    return List.copyOf(names);
  }

  @Override
  public void bindScalars(ClKernel kernel, int first, long t, double lr) {
    kernel.set(first, (float) lr)
        .set(first + 1, (float) config.weightDecay())
        .set(first + 2, (float) config.alpha())
        .set(first + 3, (float) (1 - config.alpha()))
        .set(first + 4, (float) config.eps())
        .set(first + 5, (float) config.momentum());
  }

  private boolean usesMomentum() {
    return config.momentum() > 0;
  }
}
