package netforge.runtime;

import static org.jocl.CL.CL_DEVICE_EXTENSIONS;
import static org.jocl.CL.CL_DEVICE_GLOBAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_COMPUTE_UNITS;
import static org.jocl.CL.CL_DEVICE_MAX_MEM_ALLOC_SIZE;
import static org.jocl.CL.CL_DEVICE_NAME;
import static org.jocl.CL.CL_DEVICE_TYPE;
import static org.jocl.CL.CL_DEVICE_TYPE_ACCELERATOR;
import static org.jocl.CL.CL_DEVICE_TYPE_CPU;
import static org.jocl.CL.CL_DEVICE_TYPE_GPU;
import static org.jocl.CL.CL_DEVICE_VENDOR;
import static org.jocl.CL.CL_DEVICE_VERSION;
import static org.jocl.CL.CL_DRIVER_VERSION;
import static org.jocl.CL.CL_PLATFORM_NAME;
import static org.jocl.CL.CL_PLATFORM_VERSION;
import static netforge.runtime.cl.ClQueries.deviceInt;
import static netforge.runtime.cl.ClQueries.deviceLong;
import static netforge.runtime.cl.ClQueries.deviceString;
import static netforge.runtime.cl.ClQueries.platformString;

import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/** Turns what the driver reports about a device into a {@link DeviceInfo}. */
final class DeviceQueries {
  private DeviceQueries() {}

  static DeviceInfo describe(int index, cl_platform_id platform, cl_device_id device) {
    long type = deviceLong(device, CL_DEVICE_TYPE);
    DeviceType kind = (type & CL_DEVICE_TYPE_GPU) != 0 ? DeviceType.GPU
        : (type & CL_DEVICE_TYPE_ACCELERATOR) != 0 ? DeviceType.ACCELERATOR
        : (type & CL_DEVICE_TYPE_CPU) != 0 ? DeviceType.CPU : DeviceType.OTHER;
    String extensions = deviceString(device, CL_DEVICE_EXTENSIONS);
    return new DeviceInfo(index, platformString(platform, CL_PLATFORM_NAME),
        platformString(platform, CL_PLATFORM_VERSION), deviceString(device, CL_DEVICE_NAME).trim(),
        deviceString(device, CL_DEVICE_VENDOR), kind, deviceString(device, CL_DRIVER_VERSION),
        deviceString(device, CL_DEVICE_VERSION), deviceInt(device, CL_DEVICE_MAX_COMPUTE_UNITS),
        deviceLong(device, CL_DEVICE_GLOBAL_MEM_SIZE), deviceLong(device, CL_DEVICE_MAX_MEM_ALLOC_SIZE),
        extensions.contains("cl_khr_fp64"));
  }
}
