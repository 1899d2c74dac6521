package netforge.runtime.cl;

import static org.jocl.CL.*;

import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/** Reads platform and device properties through JOCL's size-then-value query protocol. */
public final class ClQueries {
  private ClQueries() {}

  public static String deviceString(cl_device_id device, int param) {
    long[] size = new long[1];
    CL.clGetDeviceInfo(device, param, 0, null, size);
    byte[] buffer = new byte[(int) size[0]];
    CL.clGetDeviceInfo(device, param, buffer.length, Pointer.to(buffer), null);
    return cString(buffer);
  }

  public static String platformString(cl_platform_id platform, int param) {
    long[] size = new long[1];
    CL.clGetPlatformInfo(platform, param, 0, null, size);
    byte[] buffer = new byte[(int) size[0]];
    CL.clGetPlatformInfo(platform, param, buffer.length, Pointer.to(buffer), null);
    return cString(buffer);
  }

  public static long deviceLong(cl_device_id device, int param) {
    long[] value = new long[1];
    CL.clGetDeviceInfo(device, param, Sizeof.cl_long, Pointer.to(value), null);
    return value[0];
  }

  public static int deviceInt(cl_device_id device, int param) {
    int[] value = new int[1];
    CL.clGetDeviceInfo(device, param, Sizeof.cl_int, Pointer.to(value), null);
    return value[0];
  }

  static String cString(byte[] bytes) {
    int end = 0;
    while (end < bytes.length && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, 0, end, java.nio.charset.StandardCharsets.UTF_8);
  }
}
