package netforge.examples.cli;

import netforge.runtime.Device;
import picocli.CommandLine.Option;

/** {@code --device}: which OpenCL device runs the job. */
final class DeviceOption {
  @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "auto",
      description = "auto (a GPU first, else the CPU), gpu, cpu, an index from 'netforge devices', or part of a "
          + "device's name. Default: ${DEFAULT-VALUE}.")
  String device;

  Device open() {
    return Device.open(device);
  }
}
