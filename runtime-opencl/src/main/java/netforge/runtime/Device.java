package netforge.runtime;

import static org.jocl.CL.CL_DEVICE_TYPE_ALL;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import netforge.runtime.cl.ClContext;
import netforge.runtime.cl.ClDevice;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * An open OpenCL device: its context and its in-order command queue. Choose one with {@link #open(String)}:
 * {@code auto} (a GPU if there is one, else an accelerator, else the CPU), {@code gpu}, {@code cpu}, an index
 * from {@link #list()}, or part of a device's name. {@link #open()} reads the choice from the system property
 * {@value #PROPERTY} or the environment variable {@value #ENVIRONMENT}, and defaults to {@code auto}.
 */
public final class Device implements ClDevice, AutoCloseable {
  public static final String PROPERTY = "netforge.device";
  public static final String ENVIRONMENT = "NETFORGE_DEVICE";

  private final DeviceInfo info;
  private final cl_device_id id;
  private final ClContext cl;

  private Device(DeviceInfo info, cl_platform_id platform, cl_device_id id) {
    this.info = info;
    this.id = id;
    this.cl = ClContext.open(platform, id);
  }

  /** Opens the device named by {@value #PROPERTY} or {@value #ENVIRONMENT}, or the best one. */
  public static Device open() {
    String choice = System.getProperty(PROPERTY);
    if (choice == null || choice.isBlank()) {
      choice = System.getenv(ENVIRONMENT);
    }
    return open(choice == null || choice.isBlank() ? "auto" : choice);
  }

  /**
   * Opens the device {@code selector} names; see the class documentation.
   *
   * @throws NoSuchDeviceException if no device matches it
   * @throws NoOpenClException if there is no OpenCL platform or device at all
   */
  public static Device open(String selector) {
    List<Found> found = discover();
    Found chosen = choose(found, selector.trim());
    return new Device(chosen.info(), chosen.platform(), chosen.device());
  }

  /** Every OpenCL device of every platform, numbered in discovery order. */
  public static List<DeviceInfo> list() {
    return discover().stream().map(Found::info).toList();
  }

  /** The device {@code auto} would open. */
  public static DeviceInfo preferred() {
    return choose(discover(), "auto").info();
  }

  public DeviceInfo info() {
    return info;
  }

  /** The raw handles, for the runtime's own OpenCL wrappers. */
  @Override
  public cl_context context() {
    return cl.context();
  }

  @Override
  public cl_command_queue queue() {
    return cl.queue();
  }

  @Override
  public cl_device_id id() {
    return id;
  }

  @Override
  public String name() {
    return info.name();
  }

  @Override
  public long maxAllocationBytes() {
    return info.maxAllocationBytes();
  }

  @Override
  public boolean compilesOnFirstLaunch() {
    return info.compilesOnFirstLaunch();
  }

  @Override
  public String cacheIdentity() {
    return info.cacheIdentity();
  }

  @Override
  public void finish() {
    CL.clFinish(cl.queue());
  }

  @Override
  public void close() {
    cl.close();
  }

  @Override
  public String toString() {
    return info.describe();
  }

  private record Found(DeviceInfo info, cl_platform_id platform, cl_device_id device) {}

  private static Found choose(List<Found> found, String selector) {
    String s = selector.toLowerCase(Locale.ROOT);
    switch (s) {
      case "auto", "" -> {
        return found.stream().min(Comparator.comparing(f -> f.info().type())).orElseThrow();
      }
      case "gpu", "cpu", "accelerator" -> {
        DeviceType type = DeviceType.valueOf(s.toUpperCase(Locale.ROOT));
        return found.stream().filter(f -> f.info().type() == type).findFirst()
            .orElseThrow(() -> new NoSuchDeviceException("no " + type + " device; found:\n" + describe(found)));
      }
      default -> {
        if (s.matches("\\d+")) {
          int index = Integer.parseInt(s);
          if (index >= found.size()) {
            throw new NoSuchDeviceException("no device #" + index + "; found:\n" + describe(found));
          }
          return found.get(index);
        }
        return found.stream().filter(f -> f.info().name().toLowerCase(Locale.ROOT).contains(s)).findFirst()
            .orElseThrow(() -> new NoSuchDeviceException("no device whose name contains '" + selector
                + "'; found:\n" + describe(found)));
      }
    }
  }

  private static String describe(List<Found> found) {
    StringBuilder text = new StringBuilder();
    found.forEach(f -> text.append("  ").append(f.info().describe()).append('\n'));
    return text.toString().stripTrailing();
  }

  private static List<Found> discover() {
    cl_platform_id[] platforms;
    try {
      CL.setExceptionsEnabled(true);
      int[] count = new int[1];
      CL.clGetPlatformIDs(0, null, count);
      platforms = new cl_platform_id[count[0]];
      if (count[0] > 0) {
        CL.clGetPlatformIDs(count[0], platforms, null);
      }
    } catch (CLException e) {
      throw new NoOpenClException("No OpenCL platform is installed (" + e.getMessage() + ").", e);
    } catch (UnsatisfiedLinkError e) {
      throw new NoOpenClException("The OpenCL loader library could not be opened (" + e.getMessage() + ").", e);
    }
    List<Found> found = new ArrayList<>();
    for (cl_platform_id platform : platforms) {
      cl_device_id[] devices;
      try {
        int[] count = new int[1];
        CL.clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 0, null, count);
        devices = new cl_device_id[count[0]];
        CL.clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, count[0], devices, null);
      } catch (CLException e) {
        continue; // a platform without devices (CL_DEVICE_NOT_FOUND) is not an error
      }
      for (cl_device_id device : devices) {
        found.add(new Found(DeviceQueries.describe(found.size(), platform, device), platform, device));
      }
    }
    if (found.isEmpty()) {
      Optional<String> cache = PoclCache.problem(System.getenv());
      if (cache.isPresent()) {
        throw new NoOpenClException("OpenCL platforms exist, but none has a device.", cache.get(), null);
      }
      throw new NoOpenClException("OpenCL platforms exist, but none has a device.", null);
    }
    return found;
  }
}
