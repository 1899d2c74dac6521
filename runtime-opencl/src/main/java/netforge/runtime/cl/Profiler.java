package netforge.runtime.cl;

import static org.jocl.CL.CL_PROFILING_COMMAND_END;
import static org.jocl.CL.CL_PROFILING_COMMAND_START;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_event;

/**
 * Times kernels with OpenCL profiling events when enabled: device time from start to end of each launch, summed
 * per kernel name. Off by default, so a training step creates no events.
 */
public final class Profiler {
  private final List<Map.Entry<String, cl_event>> pending = new ArrayList<>();
  private final Map<String, long[]> totals = new LinkedHashMap<>();
  private boolean enabled;
  private String scope = "";

  public boolean enabled() {
    return enabled;
  }

  public void enable(boolean on) {
    this.enabled = on;
  }

  /**
   * Labels the launches that follow, e.g. {@code f03 conv2}: totals are kept per scope and kernel, so a kernel
   * shared by several layers is timed per layer.
   */
  public void scope(String scope) {
    this.scope = scope;
  }

  void record(String kernel, cl_event event) {
    pending.add(Map.entry(scope.isEmpty() ? kernel : scope + " | " + kernel, event));
  }

  /** Adds time measured on the host, e.g. a blocking transfer, under {@code key}. */
  public void addHostTime(String key, long nanos) {
    if (enabled) {
      long[] total = totals.computeIfAbsent(key, k -> new long[2]);
      total[0] += nanos;
      total[1]++;
    }
  }

  /** Reads the events of every finished launch (call after the queue is finished). */
  public void collect() {
    long[] value = new long[1];
    for (Map.Entry<String, cl_event> e : pending) {
      CL.clGetEventProfilingInfo(e.getValue(), CL_PROFILING_COMMAND_START, Sizeof.cl_ulong, Pointer.to(value), null);
      long start = value[0];
      CL.clGetEventProfilingInfo(e.getValue(), CL_PROFILING_COMMAND_END, Sizeof.cl_ulong, Pointer.to(value), null);
      long[] total = totals.computeIfAbsent(e.getKey(), k -> new long[2]);
      total[0] += value[0] - start;
      total[1]++;
      CL.clReleaseEvent(e.getValue());
    }
    pending.clear();
  }

  /** "scope | kernel" (or the kernel alone) to {total nanoseconds, launches}, in first-launch order. */
  public Map<String, long[]> totals() {
    Map<String, long[]> copy = new LinkedHashMap<>();
    totals.forEach((k, v) -> copy.put(k, v.clone()));
    return copy;
  }

  public void reset() {
    collect();
    totals.clear();
  }
}
