package netforge.runtime.spec;

import java.util.Arrays;

/**
 * The values of a network's non-trainable state ({@link NetworkSpec#state()}): the running statistics, flat, as
 * floats, and the step counts as 64-bit integers, each at its {@link StateSpec#offset()}. A network without
 * BatchNorm has none: {@link #NONE}.
 */
public record NetworkState(float[] values, long[] counters) {
  /** The state of a network that has none. */
  public static final NetworkState NONE = new NetworkState(new float[0], new long[0]);

  public NetworkState {
    values = values.clone();
    counters = counters.clone();
  }

  /** As PyTorch's layers start: running means 0, running variances 1, no steps counted. */
  public static NetworkState initial(NetworkSpec spec) {
    float[] values = new float[Math.toIntExact(spec.stateValueCount())];
    long[] counters = new long[Math.toIntExact(spec.stateCounterCount())];
    for (StateSpec s : spec.state()) {
      if (!s.kind().isCounter()) {
        Arrays.fill(values, Math.toIntExact(s.offset()), Math.toIntExact(s.offset() + s.size()), s.kind().initial());
      }
    }
    return new NetworkState(values, counters);
  }

  @Override
  public float[] values() {
    return values.clone();
  }

  @Override
  public long[] counters() {
    return counters.clone();
  }

  /** Whether this holds exactly as many values and counters as {@code spec}'s state has. */
  public boolean fits(NetworkSpec spec) {
    return values.length == spec.stateValueCount() && counters.length == spec.stateCounterCount();
  }

  /** Throws, naming both sizes, unless this {@link #fits} {@code spec}. */
  public void requireFits(NetworkSpec spec) {
    if (!fits(spec)) {
      throw new IllegalArgumentException(spec.name() + "'s state is " + count(spec.stateValueCount(), "running-statistic"
          + " value") + " and " + count(spec.stateCounterCount(), "step count") + ", but " + count(values.length, "value")
          + " and " + count(counters.length, "count") + " were given");
    }
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NetworkState other && Arrays.equals(values, other.values)
        && Arrays.equals(counters, other.counters);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(values) + Arrays.hashCode(counters);
  }

  @Override
  public String toString() {
    return "NetworkState[" + values.length + " values, counters " + Arrays.toString(counters) + "]";
  }
}
