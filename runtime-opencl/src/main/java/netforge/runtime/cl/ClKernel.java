package netforge.runtime.cl;

import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_event;
import org.jocl.cl_kernel;

/** One kernel of a program: set its arguments, then launch it on the device's queue. */
public final class ClKernel implements AutoCloseable {
  private final ClDevice device;
  private final String name;
  private final cl_kernel kernel;
  private final Profiler profiler;

  ClKernel(ClDevice device, String name, cl_kernel kernel, Profiler profiler) {
    this.device = device;
    this.name = name;
    this.kernel = kernel;
    this.profiler = profiler;
  }

  public String name() {
    return name;
  }

  public ClKernel set(int index, ClBuffer buffer) {
    CL.clSetKernelArg(kernel, index, Sizeof.cl_mem, Pointer.to(buffer.mem()));
    return this;
  }

  public ClKernel set(int index, int value) {
    CL.clSetKernelArg(kernel, index, Sizeof.cl_int, Pointer.to(new int[] {value}));
    return this;
  }

  public ClKernel set(int index, long value) {
    CL.clSetKernelArg(kernel, index, Sizeof.cl_long, Pointer.to(new long[] {value}));
    return this;
  }

  public ClKernel set(int index, float value) {
    CL.clSetKernelArg(kernel, index, Sizeof.cl_float, Pointer.to(new float[] {value}));
    return this;
  }

  /**
   * Enqueues the kernel over {@code global} work-items in work-groups of {@code local} ({@code null}: the
   * driver's choice). Each global size must be a multiple of its local size.
   */
  public void launch(long[] global, long[] local) {
    for (long g : global) {
      if (g <= 0) {
        return; // nothing to do, e.g. an empty chunk
      }
    }
    cl_event event = profiler.enabled() ? new cl_event() : null;
    CL.clEnqueueNDRangeKernel(device.queue(), kernel, global.length, null, global, local, 0, null, event);
    if (event != null) {
      profiler.record(name, event);
    }
  }

  @Override
  public void close() {
    CL.clReleaseKernel(kernel);
    LiveObjects.released();
  }
}
