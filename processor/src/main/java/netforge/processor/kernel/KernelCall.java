package netforge.processor.kernel;

import java.util.Map;
import java.util.TreeMap;

/**
 * The Java expression of a kernel with some arguments set: {@code p.kernel("name").set(0, a).set(6, b)}. Argument
 * positions are explicit because the runtime's launch helpers set the size arguments themselves (see
 * {@code Pass.gemm}, {@code Pass.packRows}, {@code Pass.packColumns}).
 */
final class KernelCall {
  private final String name;
  private final Map<Integer, String> arguments = new TreeMap<>();

  private KernelCall(String name) {
    this.name = name;
  }

  static KernelCall of(String name) {
    return new KernelCall(name);
  }

  KernelCall arg(int index, String javaExpression) {
    arguments.put(index, javaExpression);
    return this;
  }

  /** Consecutive arguments from {@code first}. */
  KernelCall args(int first, String... javaExpressions) {
    for (int i = 0; i < javaExpressions.length; i++) {
      arg(first + i, javaExpressions[i]);
    }
    return this;
  }

  /** Java for a buffer argument: {@code p.buffer("act03")}. */
  static String buffer(String name) {
    return "p.buffer(\"" + name + "\")";
  }

  @Override
  public String toString() {
    StringBuilder java = new StringBuilder("p.kernel(\"").append(name).append("\")");
    arguments.forEach((i, e) -> java.append(".set(").append(i).append(", ").append(e).append(')'));
    return java.toString();
  }
}
