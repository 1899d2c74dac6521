package netforge.examples.cli;

import netforge.runtime.Device;
import netforge.runtime.NoSuchDeviceException;
import picocli.CommandLine.Option;

/** {@code --device}: which OpenCL device runs the job. */
public final class DeviceOption {
  @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "auto",
      description = "auto (a GPU first, else the CPU), gpu, cpu, an index from 'netforge devices', or part of a "
          + "device's name. Default: ${DEFAULT-VALUE}.")
  String device;

  @Option(names = "--no-tune", description = "Do not search for this device's GEMM tile on first use; use the "
      + "stored or default values.")
  boolean noTune;

  /**
   * @throws NoSuchDeviceException naming the option, when no device matches it (exit code 3, as without a driver)
   */
  Device open() {
    try {
      return Device.open(device);
    } catch (NoSuchDeviceException e) {
      throw new NoSuchDeviceException("--device " + device + ": " + e.getMessage() + "\n  choose one of them with "
          + "--device auto, cpu, gpu, an index or part of a name (see 'netforge devices')");
    }
  }
}
