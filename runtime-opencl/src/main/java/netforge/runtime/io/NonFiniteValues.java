package netforge.runtime.io;

import java.util.Locale;
import java.util.Optional;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.ParamSpec;

/**
 * Finds NaN and infinite values in a network's parameters and names the tensor they are in. Weights from a run that
 * diverged load without error and give NaN outputs, or, where a ReLU or a max-pool swallows the NaN, numbers that
 * look like results: they are refused wherever weights are taken in or kept.
 */
public final class NonFiniteValues {
  private NonFiniteValues() {}

  /**
   * The first parameter tensor of {@code values} (laid out as {@link NetworkSpec#parameters()} says) that holds a NaN
   * or an infinity, described as "conv1.weight holds NaN in 3 of its 150 values (the first at index 7)"; empty when
   * every value is finite.
   */
  public static Optional<String> describeFirst(NetworkSpec spec, float[] values) {
    for (ParamSpec p : spec.parameters()) {
      int start = Math.toIntExact(p.offset());
      int end = Math.toIntExact(p.offset() + p.size());
      int nan = 0;
      int infinite = 0;
      int first = -1;
      for (int i = start; i < end; i++) {
        if (!Float.isFinite(values[i])) {
          if (Float.isNaN(values[i])) {
            nan++;
          } else {
            infinite++;
          }
          first = first < 0 ? i - start : first;
        }
      }
      if (first >= 0) {
        String kinds = nan > 0 && infinite > 0 ? "NaN or infinity" : nan > 0 ? "NaN" : "infinity";
        return Optional.of(String.format(Locale.ROOT, "%s holds %s in %,d of its %,d values (the first at index %d)",
            p.name(), kinds, nan + infinite, p.size(), first));
      }
    }
    return Optional.empty();
  }
}
