package netforge.runtime;

import java.util.SplittableRandom;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.ParamSpec;

/**
 * PyTorch's default initialisation of {@code Conv2d} and {@code Linear}: weights Kaiming-uniform with
 * {@code a = sqrt(5)}, which is uniform in {@code [-1/sqrt(fan_in), 1/sqrt(fan_in)]}, and biases uniform in the
 * same range; a BatchNorm's weight all ones and its bias all zeros ({@link ParamSpec.Init}). Each tensor draws from its own stream, derived from the seed and the tensor's name, so a tensor's
 * values do not depend on the layers before it.
 */
public final class ParameterInit {
  /** Values handed over at a time by {@link #pytorchDefault(NetworkSpec, long, Sink)}. */
  static final int BLOCK = 1 << 20;

  private ParameterInit() {}

  /** Receives consecutive values: {@code count} of {@code values} for the flat buffer at {@code offset}. */
  @FunctionalInterface
  public interface Sink {
    void accept(long offset, float[] values, int count);
  }

  /** All parameters in one array (for small networks and tools). */
  public static float[] pytorchDefault(NetworkSpec spec, long seed) {
    float[] all = new float[Math.toIntExact(spec.parameterCount())];
    pytorchDefault(spec, seed, (offset, values, count) -> System.arraycopy(values, 0, all, (int) offset, count));
    return all;
  }

  /**
   * The same values, in blocks of at most a million, so a large network is initialised without holding all its
   * parameters on the host at once.
   */
  public static void pytorchDefault(NetworkSpec spec, long seed, Sink sink) {
    float[] block = new float[(int) Math.min(BLOCK, Math.max(1, spec.parameterCount()))];
    for (ParamSpec p : spec.parameters()) {
      if (p.init() != ParamSpec.Init.FAN_IN_UNIFORM) {
        java.util.Arrays.fill(block, p.init() == ParamSpec.Init.ONES ? 1f : 0f);
        for (long done = 0; done < p.size(); ) {
          int count = (int) Math.min(block.length, p.size() - done);
          sink.accept(p.offset() + done, block, count);
          done += count;
        }
        continue;
      }
      // gain = sqrt(2 / (1 + a^2)) with a = sqrt(5); bound = gain * sqrt(3 / fan_in) = 1 / sqrt(fan_in)
      double bound = 1.0 / Math.sqrt(p.fanIn());
      SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (p.name().hashCode() + 1L)));
      for (long done = 0; done < p.size(); ) {
        int count = (int) Math.min(block.length, p.size() - done);
        for (int i = 0; i < count; i++) {
          block[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        sink.accept(p.offset() + done, block, count);
        done += count;
      }
    }
  }
}
