package netforge.processor.kernel;

import java.util.List;
import java.util.Locale;
import netforge.processor.model.Op;
import netforge.processor.model.Shape;

/**
 * One fused kernel group: a reduction (convolution, dense, pooling, LRN) with the elementwise steps that follow it
 * (activations, dropout) applied in its epilogue, per tinygrad's rule: elementwise work fuses into its producer, a
 * reduction never recomputes its input. Each stage stores one activation, its output after the epilogue, and, when
 * the backward pass cannot work from that output alone ({@link PreActivation}), the epilogue's input as well.
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

  public boolean hasDropout() {
    return epilogue.stream().anyMatch(op -> op instanceof Op.Dropout);
  }

  /** Whether the backward pass must mask the incoming gradient (activations, dropout). */
  public boolean hasMask() {
    return !epilogue.isEmpty();
  }

  /**
   * Whether the forward pass also keeps the epilogue's input (the reduction's output, bias added) for the backward
   * pass: only when there is one and the stored output does not determine every step's derivative.
   */
  public boolean storesPreActivation() {
    return needsBackward() && PreActivation.needed(epilogue);
  }

  /** The buffer of the epilogue's input, {@code pre03}; meaningful when {@link #storesPreActivation()}. */
  public BufferName preActivation() {
    return BufferName.planned(String.format("pre%02d", index));
  }

  /** {@code _relu_dropout}: the epilogue, as kernel names show it. */
  public String epilogueSuffix() {
    StringBuilder suffix = new StringBuilder();
    for (Op op : epilogue) {
      suffix.append('_').append(op.annotation().toLowerCase(Locale.ROOT));
    }
    return suffix.toString();
  }
}
