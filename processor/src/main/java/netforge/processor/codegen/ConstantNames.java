package netforge.processor.codegen;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import netforge.processor.model.InferredLayer;

/**
 * UPPER_SNAKE prefixes for the per-layer constants of a generated model ({@code conv1 -> CONV1},
 * {@code fcOut -> FC_OUT}). A name that would collide with another layer's or with the network's own constants
 * ({@code INPUT_*}, {@code CLASSES}, ...) falls back to {@code LAYER<n>}.
 */
final class ConstantNames {
  private static final Set<String> RESERVED = Set.of("INPUT", "CLASSES", "PARAMETERS", "FORWARD", "SUMMARY",
      "LAYERS", "SPEC", "KERNELS", "NETWORK", "TYPE");

  private ConstantNames() {}

  /**
   * One distinct prefix per layer. Every constant is a prefix, '_' and one word without '_' ({@code CHANNELS},
   * {@code PARAMETERS}, ...), so distinct prefixes give distinct constants, and {@link #RESERVED} keeps them off
   * the network's own constants. A fallback {@code LAYER<n>} may itself be a later layer's name
   * ({@code layer2}): it then counts up until free.
   */
  static List<String> of(List<InferredLayer> layers) {
    Set<String> used = new HashSet<>();
    return layers.stream().map(l -> {
      String name = upperSnake(l.name());
      for (int n = l.index() + 1; RESERVED.contains(name) || !used.add(name); n++) {
        name = "LAYER" + n;
      }
      return name;
    }).toList();
  }

  /** {@code fcOut -> FC_OUT}; a block's {@code layer2.0.conv1 -> LAYER2_0_CONV1}. */
  static String upperSnake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9_]", "_").toUpperCase(Locale.ROOT);
  }
}
