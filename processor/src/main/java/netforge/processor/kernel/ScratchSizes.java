package netforge.processor.kernel;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
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

  /**
   * A size expression as code. The expressions name one type, {@code Pass}, as text; it goes out as {@code $T}
   * so that JavaPoet names it in full where the user's class hides the simple name (a layer called Pass).
   */
  static CodeBlock code(String expression, ClassName pass) {
    String[] parts = expression.split("Pass\\.", -1);
    CodeBlock.Builder code = CodeBlock.builder().add("$L", parts[0]);
    for (int i = 1; i < parts.length; i++) {
      code.add("$T.$L", pass, parts[i]);
    }
    return code.build();
  }
}
