package netforge.examples.support;

import java.util.Random;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.NetworkState;
import netforge.runtime.spec.ParamSpec;
import netforge.runtime.spec.StateSpec;

/**
 * Random parameters and state that exercise every layer: He-scaled weights (variance 2 / fan-in) keep activations of
 * order 1 through every layer, so ReLU masks and pooling choices matter and gradients are far from zero; BatchNorm
 * weights near 1 and biases near 0 but not equal to them, and running statistics far from their initial 0 and 1, so
 * that a kernel reading the wrong statistic, or none, shows.
 */
public final class RandomValues {
  private RandomValues() {}

  public static float[] parameters(NetworkSpec spec, Random random) {
    float[] values = new float[Math.toIntExact(spec.parameterCount())];
    for (ParamSpec p : spec.parameters()) {
      for (long i = p.offset(); i < p.offset() + p.size(); i++) {
        values[(int) i] = (float) switch (p.init()) {
          case ONES -> 1 + 0.3 * random.nextGaussian();
          case ZEROS -> 0.2 * random.nextGaussian();
          case FAN_IN_UNIFORM -> random.nextGaussian() * (p.isBias() ? 0.1 : Math.sqrt(2.0 / p.fanIn()));
        };
      }
    }
    return values;
  }

  /** Running means of order 0.5, variances between 0.5 and 2, and step counts in the hundreds. */
  public static NetworkState state(NetworkSpec spec, Random random) {
    NetworkState initial = NetworkState.initial(spec);
    float[] values = initial.values();
    long[] counters = initial.counters();
    for (StateSpec s : spec.state()) {
      for (long i = s.offset(); i < s.offset() + s.size(); i++) {
        switch (s.kind()) {
          case RUNNING_MEAN -> values[(int) i] = (float) (0.5 * random.nextGaussian());
          case RUNNING_VAR -> values[(int) i] = (float) (0.5 + 1.5 * random.nextDouble());
          case BATCHES_TRACKED -> counters[(int) i] = 100 + random.nextInt(900);
        }
      }
    }
    return new NetworkState(values, counters);
  }

  public static double[] toDouble(float[] values) {
    double[] result = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = values[i];
    }
    return result;
  }
}
