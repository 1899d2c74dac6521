package netforge.examples.cli;

import java.io.IOException;
import java.io.PrintStream;
import netforge.runtime.Device;
import netforge.runtime.Model;
import netforge.runtime.tuning.Tuner;

/**
 * The device a command runs on, opened from {@code --device} for one example network, and the models of that
 * network created on it. Closing the session closes the device; each model is the caller's to close first.
 */
public final class ModelSession implements AutoCloseable {
  private final Device device;
  private final ExampleNetwork network;

  private ModelSession(Device device, ExampleNetwork network) {
    this.device = device;
    this.network = network;
  }

  /** Opens the device with the tuning that is stored (or the defaults); nothing is searched for. */
  public static ModelSession open(DeviceOption option, ExampleNetwork network) {
    return new ModelSession(option.open(), network);
  }

  /**
   * Opens the device and, unless {@code --no-tune}, makes sure its GEMM tile has been chosen (a short search, once
   * per device and driver, stored in ~/.cache/netforge/tuning.json, reported on {@code out}), so the models created
   * next use it. The device is closed again if tuning fails.
   */
  public static ModelSession openTuned(DeviceOption option, ExampleNetwork network, PrintStream out) throws IOException {
    ModelSession session = open(option, network);
    try {
      if (!option.noTune) {
        Tuner.ensureTuned(session.device, out);
      }
      return session;
    } catch (IOException | RuntimeException | Error e) {
      session.close();
      throw e;
    }
  }

  public Device device() {
    return device;
  }

  /** A new model with weights initialised from {@code seed}. */
  public Model create(long seed) {
    return network.create(device, seed);
  }

  /** A new model holding {@code parameters} (as read from a weights file); closed again if they do not fit. */
  public Model load(float[] parameters) {
    Model model = network.create(device, 0);
    try {
      model.setParameters(parameters);
      return model;
    } catch (RuntimeException | Error e) {
      model.close();
      throw e;
    }
  }

  @Override
  public void close() {
    device.close();
  }
}
