package netforge.runtime.cl;

import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_TRUE;

import java.util.Locale;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_mem;

/** A device buffer of 32-bit elements (floats or ints); reads and writes are blocking. */
public final class ClBuffer implements AutoCloseable {
  private final ClDevice device;
  private final String name;
  private final long elements;
  private final cl_mem mem;
  private boolean closed;

  private ClBuffer(ClDevice device, String name, long elements, cl_mem mem) {
    this.device = device;
    this.name = name;
    this.elements = elements;
    this.mem = mem;
  }

  /** A buffer of {@code elements} 32-bit values (at least one), named for messages. */
  public static ClBuffer allocate(ClDevice device, String name, long elements) {
    long bytes = Math.max(1, elements) * Sizeof.cl_float;
    if (bytes > device.maxAllocationBytes()) {
      throw new ClAllocationException(String.format(Locale.ROOT,
          "buffer '%s' needs %,d bytes, more than the largest single allocation %s allows (%,d bytes)",
          name, bytes, device.name(), device.maxAllocationBytes()), null);
    }
    try {
      cl_mem mem = CL.clCreateBuffer(device.context(), CL_MEM_READ_WRITE, bytes, null, null);
      LiveObjects.created();
      return new ClBuffer(device, name, Math.max(1, elements), mem);
    } catch (CLException e) {
      if (ClAllocationException.isOutOfMemory(e)) {
        throw new ClAllocationException(String.format(Locale.ROOT,
            "could not allocate buffer '%s' of %,d bytes on %s", name, bytes, device.name()), e);
      }
      throw e;
    }
  }

  public cl_mem mem() {
    return mem;
  }

  public String name() {
    return name;
  }

  /** Capacity in 32-bit elements. */
  public long elements() {
    return elements;
  }

  public void write(float[] source, int from, long toElement, int count) {
    check(toElement, count, source.length, from);
    CL.clEnqueueWriteBuffer(device.queue(), mem, CL_TRUE, toElement * Sizeof.cl_float, (long) count * Sizeof.cl_float,
        Pointer.to(source).withByteOffset((long) from * Sizeof.cl_float), 0, null, null);
  }

  public void write(int[] source, int from, long toElement, int count) {
    check(toElement, count, source.length, from);
    CL.clEnqueueWriteBuffer(device.queue(), mem, CL_TRUE, toElement * Sizeof.cl_int, (long) count * Sizeof.cl_int,
        Pointer.to(source).withByteOffset((long) from * Sizeof.cl_int), 0, null, null);
  }

  public void read(long fromElement, float[] target, int to, int count) {
    check(fromElement, count, target.length, to);
    CL.clEnqueueReadBuffer(device.queue(), mem, CL_TRUE, fromElement * Sizeof.cl_float,
        (long) count * Sizeof.cl_float, Pointer.to(target).withByteOffset((long) to * Sizeof.cl_float), 0, null, null);
  }

  public void read(long fromElement, int[] target, int to, int count) {
    check(fromElement, count, target.length, to);
    CL.clEnqueueReadBuffer(device.queue(), mem, CL_TRUE, fromElement * Sizeof.cl_int,
        (long) count * Sizeof.cl_int, Pointer.to(target).withByteOffset((long) to * Sizeof.cl_int), 0, null, null);
  }

  /** Copies {@code count} elements from {@code source} on the device, without the host. */
  public void copyFrom(ClBuffer source, long count) {
    if (count > elements || count > source.elements) {
      throw new IllegalArgumentException("copy of " + count + " elements from " + source.name + " into " + name);
    }
    if (count > 0) {
      CL.clEnqueueCopyBuffer(device.queue(), source.mem, mem, 0, 0, count * Sizeof.cl_float, 0, null, null);
    }
  }

  /** Sets the first {@code count} elements to zero. */
  public void zero(long count) {
    if (count > 0) {
      CL.clEnqueueFillBuffer(device.queue(), mem, Pointer.to(new int[] {0}), Sizeof.cl_int, 0,
          count * Sizeof.cl_int, 0, null, null);
    }
  }

  private void check(long offset, int count, int arrayLength, int arrayOffset) {
    if (count < 0 || offset < 0 || offset + count > elements || arrayOffset < 0 || arrayOffset + count > arrayLength) {
      throw new IndexOutOfBoundsException(String.format(Locale.ROOT,
          "%s: %d elements at %d do not fit (buffer holds %d; host array %d from %d)", name, count, offset,
          elements, arrayLength, arrayOffset));
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      CL.clReleaseMemObject(mem);
      LiveObjects.released();
    }
  }
}
