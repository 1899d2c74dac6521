package netforge.runtime.cl;

import static org.jocl.CL.CL_CONTEXT_PLATFORM;
import static org.jocl.CL.CL_QUEUE_PROFILING_ENABLE;
import static org.jocl.CL.CL_QUEUE_PROPERTIES;

import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;
import org.jocl.cl_queue_properties;

/** A context on one device and its in-order, profiling-enabled command queue; released together. */
public final class ClContext implements AutoCloseable {
  private final cl_context context;
  private final cl_command_queue queue;
  private boolean closed;

  private ClContext(cl_context context, cl_command_queue queue) {
    this.context = context;
    this.queue = queue;
  }

  /** Creates both; when the queue cannot be created the context is released before the failure propagates. */
  public static ClContext open(cl_platform_id platform, cl_device_id device) {
    cl_context_properties properties = new cl_context_properties();
    properties.addProperty(CL_CONTEXT_PLATFORM, platform);
    cl_context context = CL.clCreateContext(properties, 1, new cl_device_id[] {device}, null, null, null);
    LiveObjects.created();
    try {
      cl_command_queue queue = createQueue(context, device);
      LiveObjects.created();
      return new ClContext(context, queue);
    } catch (RuntimeException e) {
      CL.clReleaseContext(context);
      LiveObjects.released();
      throw e;
    }
  }

  private static cl_command_queue createQueue(cl_context context, cl_device_id device) {
    cl_queue_properties properties = new cl_queue_properties();
    properties.addProperty(CL_QUEUE_PROPERTIES, CL_QUEUE_PROFILING_ENABLE);
    try {
      return CL.clCreateCommandQueueWithProperties(context, device, properties, null);
    } catch (CLException | UnsupportedOperationException e) {
      // OpenCL 1.x drivers only have the deprecated entry point.
      @SuppressWarnings("deprecation")
      cl_command_queue legacy = CL.clCreateCommandQueue(context, device, CL_QUEUE_PROFILING_ENABLE, null);
      return legacy;
    }
  }

  public cl_context context() {
    return context;
  }

  public cl_command_queue queue() {
    return queue;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      CL.clReleaseCommandQueue(queue);
      LiveObjects.released();
      CL.clReleaseContext(context);
      LiveObjects.released();
    }
  }
}
