package netforge.processor.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The backward pass through one stage, with its buffers: the gradient of its output is in {@code gradIn}; the
 * gradient of input {@code i} goes to {@code targets.get(i)} (null where that input needs none). A stage whose
 * kernels can only overwrite writes an input gradient that must be added into a buffer another reader already wrote
 * to a free buffer instead, and {@code sums} then adds it in.
 *
 * @param stage the stage
 * @param gradIn the gradient buffer holding the gradient of the stage's output
 * @param targets per input, where its gradient goes
 * @param sums additions to run after the stage's kernels
 */
public record BackwardStep(Stage stage, BufferName gradIn, List<InputGradient> targets, List<GradientSum> sums) {
  public BackwardStep {
    targets = Collections.unmodifiableList(new ArrayList<>(targets)); // List.copyOf refuses the nulls
    sums = List.copyOf(sums);
  }

  /** The buffer the single-input kernels write dX into, or null when the input needs no gradient. */
  public BufferName gradOut() {
    return targets.get(0) == null ? null : targets.get(0).buffer();
  }

  /** {@code dst += src} over {@code elementsPerImage} elements of every image of the batch. */
  public record GradientSum(BufferName src, BufferName dst, long elementsPerImage) {}
}
