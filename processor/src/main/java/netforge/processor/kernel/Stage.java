package netforge.processor.kernel;

import java.util.List;
import netforge.processor.model.Op;
import netforge.processor.model.Shape;

/**
 * One fused kernel group: a reduction (convolution, dense, pooling, LRN) with the elementwise steps that follow it
 * (ReLU, dropout) applied in its epilogue, per tinygrad's rule: elementwise work fuses into its producer, a
 * reduction never recomputes its input. Each stage stores one activation, its output after the epilogue.
 *
 * @param index 1-based position, the {@code NN} of kernel names
 * @param layer the field the reduction came from
 * @param reduction the reduction step
 * @param epilogue elementwise steps after it, in order
 * @param in the stage's input shape (a dense layer's input may be spatial: it is read flattened)
 * @param out the stage's output shape
 * @param input the buffer holding the input: {@code input} or the previous stage's output
 * @param output the buffer this stage writes
 * @param weightOffset offset of the weight tensor in the flat parameter buffer, or -1
 * @param biasOffset offset of the bias, or -1
 * @param needsInputGradient whether a stage before this one has parameters, so dX must be computed
 */
public record Stage(int index, String layer, Op reduction, List<Op> epilogue, Shape in, Shape out, BufferName input,
    BufferName output, long weightOffset, long biasOffset, boolean needsInputGradient) {

  public Stage {
    epilogue = List.copyOf(epilogue);
  }

  public boolean hasParameters() {
    return weightOffset >= 0;
  }

  /** Whether the backward pass has any work here. */
  public boolean needsBackward() {
    return hasParameters() || needsInputGradient;
  }

  /** {@code f03} / {@code b03}: the kernel-name part naming the pass and the stage. */
  public String tag(boolean forward) {
    return String.format("%s%02d", forward ? "f" : "b", index);
  }

  public boolean hasRelu() {
    return epilogue.stream().anyMatch(op -> op instanceof Op.Relu);
  }

  public boolean hasDropout() {
    return epilogue.stream().anyMatch(op -> op instanceof Op.Dropout);
  }

  /** Whether the backward pass must mask the incoming gradient (ReLU, dropout). */
  public boolean hasMask() {
    return !epilogue.isEmpty();
  }

  /** {@code _relu_dropout}: the epilogue, as kernel names show it. */
  public String epilogueSuffix() {
    StringBuilder suffix = new StringBuilder();
    for (Op op : epilogue) {
      suffix.append(op instanceof Op.Relu ? "_relu" : "_dropout");
    }
    return suffix.toString();
  }
}
