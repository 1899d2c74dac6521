package netforge.processor.kernel;

import com.palantir.javapoet.CodeBlock;
import java.util.List;
import netforge.processor.model.Op;

/**
 * The kernels of one stage, in both languages that must agree on them: their OpenCL C text, and the Java
 * statements that launch them (arguments by name, geometry, chunking). Each kernel is declared once, as a
 * {@link Kernel} field, and both its OpenCL header and its launches are rendered from that declaration.
 */
public interface StageKernels {

  /** Appends this stage's kernels (and helper functions) to the program. */
  void openCl(ClSource cl);

  /** Statements of the forward pass; a {@code Pass p} is in scope. Kernels are launched through {@code classes}. */
  void forward(CodeBlock.Builder java, ArgumentClasses classes);

  /**
   * Statements of the backward pass: the gradient of the stage's output is in buffer {@code gradIn} (which may be
   * overwritten); the gradient of its input, when {@link Stage#needsInputGradient()}, goes to {@code gradOut}.
   */
  void backward(CodeBlock.Builder java, ArgumentClasses classes, BufferName gradIn, BufferName gradOut);

  /**
   * Whether the backward kernels can add an input's gradient into its buffer instead of overwriting it: then an input
   * other layers also read needs no extra pass to sum the gradients ({@link InputGradient#accumulate()}).
   */
  default boolean addsToInputGradients() {
    return false;
  }

  /**
   * The backward pass with its buffers planned: by default the single-input form, the output's gradient in
   * {@code step.gradIn()} and the input's in {@code step.gradOut()} (always overwritten: see
   * {@link #addsToInputGradients()}).
   */
  default void backward(CodeBlock.Builder java, ArgumentClasses classes, BackwardStep step) {
    backward(java, classes, step.gradIn(), step.gradOut());
  }

  /** Adds this stage's needs to the scratch buffers. */
  void scratch(ScratchSizes sizes);

  /** Buffers the stage keeps for itself from its forward to its backward pass, besides its output. */
  default List<PlannedBuffer> ownBuffers() {
    return List.of();
  }

  /**
   * Statements at the start of the forward pass, before any kernel is queued: checks of the pass that would leave
   * the stage with no meaningful result (a BatchNorm's batch statistics of single values).
   */
  default void preconditions(CodeBlock.Builder java) {}

  static StageKernels of(Stage stage, String prefix) {
    Op op = stage.reduction();
    if (op instanceof Op.Conv) {
      return DepthwiseConvKernels.applies(stage) ? new DepthwiseConvKernels(stage, prefix)
          : new ConvKernels(stage, prefix);
    } else if (op instanceof Op.Dense) {
      return new DenseKernels(stage, prefix);
    } else if (op instanceof Op.Pool) {
      return new PoolKernels(stage, prefix);
    } else if (op instanceof Op.AdaptiveAvgPool) {
      return new AdaptivePoolKernels(stage, prefix);
    } else if (op instanceof Op.Lrn) {
      return new LrnKernels(stage, prefix);
    } else if (op instanceof Op.Join) {
      return new JoinKernels(stage, prefix);
    }
    throw new IllegalArgumentException("no kernels for " + op);
  }
}
