package netforge.processor.kernel;

import com.palantir.javapoet.CodeBlock;
import netforge.processor.runtime.RuntimeTypes;
import netforge.processor.runtime.RuntimeTypes.RuntimeBuffer;

/**
 * A batch buffer of a generated model. The runtime reads or writes some of them itself (the input, labels, and the
 * loss's per-image results): those are named in generated code by the runtime's constants
 * ({@code LaunchSequence.LABELS}), so a rename on either side fails to compile. The others (activations, gradients,
 * scratch) are the processor's own and go by their planned names.
 *
 * @param name the buffer's name
 * @param runtime the runtime's constant for it, or null for a buffer only generated code uses
 */
public record BufferName(String name, RuntimeBuffer runtime) {
  public static final BufferName INPUT = new BufferName("input", RuntimeBuffer.INPUT);
  public static final BufferName LABELS = new BufferName("labels", RuntimeBuffer.LABELS);
  public static final BufferName ROW_LOSS = new BufferName("rowLoss", RuntimeBuffer.ROW_LOSS);
  public static final BufferName ROW_PRED = new BufferName("rowPred", RuntimeBuffer.ROW_PRED);

  /** A buffer only generated code uses. */
  public static BufferName planned(String name) {
    return new BufferName(name, null);
  }

  /** The name as a Java expression: the runtime's constant, or a string literal. */
  public CodeBlock key() {
    return runtime == null ? CodeBlock.of("$S", name) : CodeBlock.of("$T.$L", RuntimeTypes.LAUNCH_SEQUENCE, runtime);
  }

  /** The buffer in the pass {@code p}. */
  public CodeBlock read() {
    return CodeBlock.of("p.buffer($L)", key());
  }

  @Override
  public String toString() {
    return name;
  }
}
