package test;

import javax.annotation.processing.Generated;
import netforge.runtime.Device;
import netforge.runtime.train.Trainer;

/**
 * Trains {@link NetModel}:
 * <pre>{@code
 * NetTrainer.on(device).optimizer(OptimizerKind.NAG).epochs(20).fit(train, test);
 * }</pre>
 */
@Generated(
    value = "netforge.processor.NetworkProcessor",
    comments = "from test.Net"
)
public final class NetTrainer {
  private NetTrainer() {
  }

  /**
   * A run on a new model on {@code device}, initialised from seed 0 (see {@link #on(Device, long)}).
   */
  public static Trainer.Builder on(Device device) {
    return on(device, 0L);
  }

  /**
   * A run on a new model on {@code device}, initialised from {@code seed}; the builder's
   * {@code model()} returns it, for evaluation and saving after training.
   */
  public static Trainer.Builder on(Device device, long seed) {
    return Trainer.builder(NetModel.create(device, seed));
  }

  /**
   * A run that continues training {@code model}.
   */
  public static Trainer.Builder on(NetModel model) {
    return Trainer.builder(model);
  }
}
