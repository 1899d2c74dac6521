package netforge.runtime;

import java.util.Locale;

/**
 * One OpenCL device as discovery found it. {@code index} is its position in {@link Device#list()}, the number
 * {@code --device} accepts.
 */
public record DeviceInfo(int index, String platform, String platformVersion, String name, String vendor,
    DeviceType type, String driverVersion, String openClVersion, int computeUnits, long globalMemoryBytes,
    long maxAllocationBytes, boolean fp64) {

  /** {@code #0 GPU  NVIDIA H200 (NVIDIA CUDA, driver 550.54, 132 compute units, 139.8 GiB)}. */
  public String describe() {
    return String.format(Locale.ROOT, "#%d %-4s %s (%s, driver %s, %d compute units, %.1f GiB)", index, type, name,
        platform, driverVersion, computeUnits, globalMemoryBytes / (double) (1L << 30));
  }

  /**
   * Whether the driver compiles each kernel at its first launch (for that launch's work-group size) and keeps the
   * result in a cache of its own, as PoCL does under {@code ~/.cache/pocl}. For such a driver a program binary is
   * not worth asking for: producing one compiles every kernel once more, generically, which for an AlexNet takes
   * several seconds and is then never used.
   */
  public boolean compilesOnFirstLaunch() {
    return platform.contains("Portable Computing Language");
  }

  /** Identifies the compiled programs of this device in caches: name, driver and platform version. */
  public String cacheIdentity() {
    return name + "|" + driverVersion + "|" + platformVersion;
  }
}
