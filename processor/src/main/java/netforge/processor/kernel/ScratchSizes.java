package netforge.processor.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scratch buffers stages share, each sized by the largest use: {@code scratchA} (packed A operands of
 * activations), {@code scratchB} (packed B operands), {@code scratchW} (packed weights), {@code scratchC}
 * (a convolution's column gradient). Sizes are Java expressions over {@code batch} and Tunables {@code t}.
 */
final class ScratchSizes {
  static final List<String> NAMES = List.of("scratchA", "scratchB", "scratchW", "scratchC");

  private final Map<String, List<String>> uses = new LinkedHashMap<>();

  ScratchSizes() {
    NAMES.forEach(n -> uses.put(n, new ArrayList<>()));
  }

  void need(String buffer, String elementsExpression) {
    uses.get(buffer).add(elementsExpression);
  }

  Map<String, List<String>> uses() {
    return uses;
  }
}
