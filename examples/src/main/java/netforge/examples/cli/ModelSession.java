package netforge.examples.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import netforge.runtime.Device;
import netforge.runtime.Model;
import netforge.runtime.io.Weights;
import netforge.runtime.tuning.Tuner;

/**
 * The device a command runs on, opened from {@code --device} for one example network, and the models of that
 * network created on it. Closing the session closes the device; each model is the caller's to close first.
 */
public final class ModelSession implements AutoCloseable {
  private final Device device;
  private final NetworkChoice network;
  private final PrintStream out;

  private ModelSession(Device device, NetworkChoice network, PrintStream out) {
    this.device = device;
    this.network = network;
    this.out = out;
  }

  /**
   * Opens the device with the tuning that is stored (or the defaults); nothing is searched for. Building a model's
   * program is reported on {@code out} (standard error for commands whose standard output is their result).
   */
  public static ModelSession open(DeviceOption option, NetworkChoice network, PrintStream out) {
    return new ModelSession(option.open(), network, out);
  }

  /**
   * Opens the device and, unless {@code --no-tune}, makes sure its GEMM tile has been chosen (a short search, once
   * per device and driver, stored in ~/.cache/netforge/tuning.json, reported on {@code out}), so the models created
   * next use it. The device is closed again if tuning fails.
   */
  public static ModelSession openTuned(DeviceOption option, NetworkChoice network, PrintStream out) throws IOException {
    ModelSession session = open(option, network, out);
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
    // Building the program takes seconds on a CPU (longer for a big network): say so rather than sit still.
    out.printf(Locale.ROOT, "Building %s's OpenCL program for %s ...", network.spec().name(), device.name());
    out.flush();
    long start = System.nanoTime();
    try {
      return network.create(device, seed);
    } finally { // ends the line, also before a failure is reported
      out.printf(Locale.ROOT, " %.1f s%n", (System.nanoTime() - start) / 1e9);
    }
  }

  /**
   * A new model holding {@code weights} (as read from a weights file: parameters and BatchNorm state); closed again if
   * they do not fit.
   */
  public Model load(Weights weights) {
    Model model = create(0);
    try {
      model.setParameters(weights.parameters());
      model.setState(weights.state());
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
