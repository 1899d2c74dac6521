package netforge.runtime.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import netforge.runtime.Device;
import netforge.runtime.DeviceMemoryException;
import netforge.runtime.cl.ClAllocationException;
import netforge.runtime.cl.ClBuffer;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.tuning.Tunables;

/**
 * The batch-sized buffers of one network on one device (input, labels, activations, scratch), preallocated for
 * the largest batch seen so far so that no step allocates; and the arithmetic that turns "out of memory" into
 * how much a batch needs and which batch fits.
 */
final class ActivationArena implements AutoCloseable {
  private final Device device;
  private final NetworkSpec spec;
  private final LaunchSequence sequence;
  private final Tunables tunables;
  private Map<String, ClBuffer> buffers = Map.of();
  private int capacity;

  ActivationArena(Device device, NetworkSpec spec, LaunchSequence sequence, Tunables tunables) {
    this.device = device;
    this.spec = spec;
    this.sequence = sequence;
    this.tunables = tunables;
  }

  /** The buffers by the names generated code uses; valid until the next {@link #reserve} of a larger batch. */
  Map<String, ClBuffer> buffers() {
    return buffers;
  }

  ClBuffer buffer(String name) {
    ClBuffer buffer = buffers.get(name);
    if (buffer == null) {
      throw new IllegalStateException("no buffer " + name + " for " + spec.name() + " (capacity " + capacity + ")");
    }
    return buffer;
  }

  /** Elements the generated code asks for in {@code name} at {@code batch}. */
  long elements(String name, int batch) {
    return sequence.buffers(batch, tunables).get(name);
  }

  /**
   * Makes room for {@code batch} images, failing before any allocation when the device is too small. A failed
   * allocation releases whatever this call allocated and leaves the arena empty, never half-filled.
   */
  void reserve(int batch) {
    if (batch <= capacity) {
      return;
    }
    if (bytesFor(batch) > device.info().globalMemoryBytes()) {
      throw outOfMemory(batch, null);
    }
    release();
    Map<String, ClBuffer> allocated = new LinkedHashMap<>();
    try {
      sequence.buffers(batch, tunables).forEach((name, elements) ->
          allocated.put(name, ClBuffer.allocate(device, name, elements)));
    } catch (ClAllocationException e) {
      allocated.values().forEach(ClBuffer::close);
      throw outOfMemory(batch, e);
    } catch (RuntimeException e) {
      allocated.values().forEach(ClBuffer::close);
      throw e;
    }
    buffers = allocated;
    capacity = batch;
  }

  /** Bytes on the device for a batch: parameters, gradients, the running statistics and every batch buffer. */
  long bytesFor(int batch) {
    long elements = 2 * spec.parameterCount() + spec.stateValueCount();
    for (long n : sequence.buffers(batch, tunables).values()) {
      elements += n;
    }
    return elements * 4;
  }

  /** The largest batch whose buffers fit in {@code bytes}, by bisection over {@link #bytesFor}. */
  int largestBatchWithin(long bytes) {
    int lo = 0;
    int hi = 1 << 20;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (bytesFor(mid) <= bytes) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** What a batch that does not fit needs, what the device has, and the batch that fits. */
  DeviceMemoryException outOfMemory(int batch, Throwable cause) {
    long available = device.info().globalMemoryBytes();
    int fits = largestBatchWithin(available);
    return new DeviceMemoryException(String.format(Locale.ROOT,
        "%s ran out of memory at batch %d: it needs about %.2f GiB on %s, which has %.2f GiB; "
            + "the largest batch that fits is about %d (use --batch %d or smaller)",
        spec.name(), batch, bytesFor(batch) / (double) (1L << 30), device.info().name(),
        available / (double) (1L << 30), fits, fits), cause);
  }

  private void release() {
    buffers.values().forEach(ClBuffer::close);
    buffers = Map.of();
    capacity = 0;
  }

  @Override
  public void close() {
    release();
  }
}
