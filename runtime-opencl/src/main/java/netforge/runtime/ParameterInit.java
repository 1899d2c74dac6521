package netforge.runtime;

import java.util.SplittableRandom;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.ParamSpec;

/**
 * PyTorch's default initialisation of {@code Conv2d} and {@code Linear}: weights Kaiming-uniform with
 * {@code a = sqrt(5)}, which is uniform in {@code [-1/sqrt(fan_in), 1/sqrt(fan_in)]}, and biases uniform in the
 * same range. Each tensor draws from its own stream, derived from the seed and the tensor's name, so a tensor's
 * values do not depend on the layers before it.
 */
public final class ParameterInit {
  private ParameterInit() {}

  public static float[] pytorchDefault(NetworkSpec spec, long seed) {
    float[] values = new float[Math.toIntExact(spec.parameterCount())];
    for (ParamSpec p : spec.parameters()) {
      // gain = sqrt(2 / (1 + a^2)) with a = sqrt(5); bound = gain * sqrt(3 / fan_in) = 1 / sqrt(fan_in)
      double bound = 1.0 / Math.sqrt(p.fanIn());
      SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (p.name().hashCode() + 1L)));
      int from = (int) p.offset();
      int to = from + (int) p.size();
      for (int i = from; i < to; i++) {
        values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
      }
    }
    return values;
  }
}
