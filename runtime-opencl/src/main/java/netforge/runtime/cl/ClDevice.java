package netforge.runtime.cl;

import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_device_id;

/**
 * What the OpenCL wrappers need of a device: its handles and the few facts that shape allocation, building and
 * caching. {@code netforge.runtime.Device} implements it; the wrappers depend on this interface instead of on the
 * device class, so the wrapper package sits below the device and nothing points back up.
 */
public interface ClDevice {
  cl_context context();

  /** The in-order queue every wrapper enqueues on. */
  cl_command_queue queue();

  cl_device_id id();

  /** The device's name, for messages. */
  String name();

  /** The largest single buffer the driver allows, in bytes. */
  long maxAllocationBytes();

  /** Whether the driver compiles kernels at first launch and caches them itself, so binaries are not worth keeping. */
  boolean compilesOnFirstLaunch();

  /** Identifies compiled programs of this device and driver in caches. */
  String cacheIdentity();

  /** Waits until every command queued so far has finished. */
  void finish();
}
