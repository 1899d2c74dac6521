package netforge.runtime.cl;

import static org.jocl.CL.CL_PROGRAM_BINARIES;
import static org.jocl.CL.CL_PROGRAM_BINARY_SIZES;
import static org.jocl.CL.CL_PROGRAM_BUILD_LOG;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_program;

/**
 * A built OpenCL program and its kernels. {@link #build} looks in the {@link ProgramCache} first (keyed by source,
 * options and device identity) and stores a fresh build there, unless the driver caches its own builds; a failed
 * build throws {@link ClBuildException} with the build log and the source lines it names.
 */
public final class ClProgram implements AutoCloseable {
  /** {@code <file>:12:5: error: ...} (clang) or {@code error: <file>:12:5: ...} (PoCL's wording). */
  private static final Pattern LOG_LOCATION =
      Pattern.compile("(?m)^(?:error: |warning: )?[^:\\n]*:(\\d+):(\\d+): ");

  private final ClDevice device;
  private final cl_program program;
  private final Profiler profiler;
  private final Map<String, ClKernel> kernels = new HashMap<>();
  private final boolean fromCache;
  private boolean closed;

  private ClProgram(ClDevice device, cl_program program, Profiler profiler, boolean fromCache) {
    this.device = device;
    this.program = program;
    this.profiler = profiler;
    this.fromCache = fromCache;
  }

  /**
   * Builds {@code source} for {@code device} with {@code options}, through {@code cache} when it is not null and
   * the driver keeps no cache of its own ({@link ClDevice#compilesOnFirstLaunch}).
   */
  public static ClProgram build(ClDevice device, String label, String source, String options, ProgramCache cache,
      Profiler profiler) {
    boolean useCache = cache != null && !device.compilesOnFirstLaunch();
    String key = useCache ? ProgramCache.key(source, options, device.cacheIdentity()) : null;
    if (key != null) {
      byte[] binary = cache.load(key);
      if (binary != null) {
        cl_program fromBinary = tryBinary(device, binary, options);
        if (fromBinary != null) {
          return new ClProgram(device, fromBinary, profiler, true);
        }
      }
    }
    cl_program program = CL.clCreateProgramWithSource(device.context(), 1, new String[] {source},
        new long[] {source.length()}, null);
    LiveObjects.created();
    try {
      CL.clBuildProgram(program, 1, new cl_device_id[] {device.id()}, options, null, null);
    } catch (CLException e) {
      String log = buildLog(program, device);
      CL.clReleaseProgram(program);
      LiveObjects.released();
      throw new ClBuildException("OpenCL program " + label + " failed to build on " + device.name()
          + " (options: " + options + "):\n" + log.strip() + offendingLines(log, source), log, e);
    }
    if (key != null) {
      byte[] binary = binary(program);
      if (binary != null) {
        cache.store(key, binary);
      }
    }
    return new ClProgram(device, program, profiler, false);
  }

  /** Whether this program came from the on-disk cache instead of a compile. */
  public boolean fromCache() {
    return fromCache;
  }

  /** The kernel called {@code name}, created on first use. */
  public ClKernel kernel(String name) {
    ClKernel kernel = kernels.get(name);
    if (kernel == null) {
      cl_kernel k = CL.clCreateKernel(program, name, null);
      LiveObjects.created();
      kernel = new ClKernel(device, name, k, profiler);
      kernels.put(name, kernel);
    }
    return kernel;
  }

  @Override
  public void close() {
    kernels.values().forEach(ClKernel::close);
    kernels.clear();
    if (!closed) {
      closed = true;
      CL.clReleaseProgram(program);
      LiveObjects.released();
    }
  }

  private static cl_program tryBinary(ClDevice device, byte[] binary, String options) {
    cl_program program;
    try {
      int[] status = new int[1];
      program = CL.clCreateProgramWithBinary(device.context(), 1, new cl_device_id[] {device.id()},
          new long[] {binary.length}, new byte[][] {binary}, status, null);
    } catch (CLException e) {
      return null; // a binary from another driver version: rebuild from source
    }
    LiveObjects.created();
    try {
      CL.clBuildProgram(program, 1, new cl_device_id[] {device.id()}, options, null, null);
      return program;
    } catch (CLException e) {
      CL.clReleaseProgram(program); // created but unusable: released here, as nobody else holds it
      LiveObjects.released();
      return null;
    }
  }

  private static byte[] binary(cl_program program) {
    try {
      long[] size = new long[1];
      CL.clGetProgramInfo(program, CL_PROGRAM_BINARY_SIZES, Sizeof.size_t, Pointer.to(size), null);
      if (size[0] <= 0 || size[0] > Integer.MAX_VALUE) {
        return null;
      }
      byte[] binary = new byte[(int) size[0]];
      Pointer target = Pointer.to(binary);
      CL.clGetProgramInfo(program, CL_PROGRAM_BINARIES, Sizeof.POINTER, Pointer.to(target), null);
      return binary;
    } catch (CLException e) {
      return null;
    }
  }

  private static String buildLog(cl_program program, ClDevice device) {
    try {
      long[] size = new long[1];
      CL.clGetProgramBuildInfo(program, device.id(), CL_PROGRAM_BUILD_LOG, 0, null, size);
      byte[] log = new byte[(int) size[0]];
      CL.clGetProgramBuildInfo(program, device.id(), CL_PROGRAM_BUILD_LOG, log.length, Pointer.to(log), null);
      return ClQueries.cString(log);
    } catch (CLException e) {
      return "(no build log: " + e.getMessage() + ")";
    }
  }

  /** The source lines the log points at, numbered, with a caret under the column. At most 10. */
  static String offendingLines(String log, String source) {
    String[] lines = source.split("\n", -1);
    StringBuilder text = new StringBuilder();
    Matcher m = LOG_LOCATION.matcher(log);
    int shown = 0;
    while (m.find() && shown < 10) {
      int line = Integer.parseInt(m.group(1));
      int column = Integer.parseInt(m.group(2));
      if (line < 1 || line > lines.length) {
        continue;
      }
      if (shown == 0) {
        text.append("\nsource lines named in the log:");
      }
      text.append(String.format("%n%6d | %s%n       | %s^", line, lines[line - 1],
          " ".repeat(Math.max(0, column - 1))));
      shown++;
    }
    return text.toString();
  }
}
