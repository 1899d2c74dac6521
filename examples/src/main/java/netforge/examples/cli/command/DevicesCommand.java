package netforge.examples.cli.command;

import java.util.List;
import java.util.concurrent.Callable;
import netforge.examples.cli.ExitCodes;
import netforge.examples.cli.ReturnsExitCodes;
import netforge.runtime.Device;
import netforge.runtime.DeviceInfo;
import picocli.CommandLine.Command;

/** {@code netforge devices}: the OpenCL platforms and devices, and which one {@code --device auto} takes. */
@ReturnsExitCodes({ExitCodes.OK, ExitCodes.USAGE, ExitCodes.NO_DEVICE})
@Command(name = "devices", mixinStandardHelpOptions = true,
    description = "List the OpenCL devices found and show which one would be used.",
    footer = {"", "Choose another with --device (gpu, cpu, an index, or part of a name) on other commands,",
        "or with the environment variable " + Device.ENVIRONMENT + ".", "", "Example:", "  netforge devices"})
public final class DevicesCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    List<DeviceInfo> devices = Device.list();
    DeviceInfo preferred = Device.preferred();
    System.out.println("OpenCL devices:");
    for (DeviceInfo d : devices) {
      System.out.printf("%s %s%n", d.index() == preferred.index() ? "*" : " ", d.describe());
      System.out.printf("    %s, %s, max allocation %.1f GiB%s%n", d.vendor(), d.openClVersion(),
          d.maxAllocationBytes() / (double) (1L << 30), d.fp64() ? ", fp64" : "");
    }
    System.out.println("* the device --device auto uses (a GPU first, then an accelerator, then the CPU)");
    return ExitCodes.OK;
  }
}
