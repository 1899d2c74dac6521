package netforge.runtime.cl;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How many OpenCL objects the wrappers of this package hold right now: contexts, queues, programs, kernels and
 * buffers, each counted when created and uncounted when released. Tests read it before and after a failure to
 * show that nothing leaked; nothing else should depend on it.
 */
public final class LiveObjects {
  private static final AtomicLong LIVE = new AtomicLong();

  private LiveObjects() {}

  /** OpenCL objects created through the wrappers and not yet released. */
  public static long count() {
    return LIVE.get();
  }

  static void created() {
    LIVE.incrementAndGet();
  }

  static void released() {
    LIVE.decrementAndGet();
  }
}
