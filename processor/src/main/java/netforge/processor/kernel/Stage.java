package netforge.processor.kernel;

import java.util.List;
import java.util.Locale;
import netforge.processor.model.Op;
import netforge.processor.model.Shape;

/**
 * One fused kernel group: a reduction (convolution, dense, pooling, LRN) or a join (add, concatenation) with the
 * elementwise steps that follow it (activations, dropout) applied in its epilogue, per tinygrad's rule: elementwise
 * work fuses into its producer, a reduction never recomputes its input. Each stage stores one activation, its output
 * after the epilogue, and, when the backward pass cannot work from that output alone ({@link PreActivation}), the
 * epilogue's input as well. An elementwise step whose input another layer also reads cannot change that input in
 * place: it gets a stage of its own, a one-input add.
 *
 * @param index 1-based position, the {@code NN} of kernel names
 * @param layer the field the reduction came from
 * @param reduction the reduction or join step
 * @param epilogue elementwise steps after it, in order
 * @param inputs what the stage reads: one input, or a join's, in the order named
 * @param out the stage's output shape
 * @param output the buffer this stage writes
 * @param weightOffset offset of the weight tensor in the flat parameter buffer, or -1
 * @param biasOffset offset of the bias, or -1
 * @param reachesLoss whether the loss depends on this stage's output (a layer nothing reads does not)
 * @param tensors the name a convolution's or dense layer's tensors take: the layer's, or its annotation's
 *     {@code name}
 */
public record Stage(int index, String layer, Op reduction, List<Op> epilogue, List<StageInput> inputs, Shape out,
    BufferName output, long weightOffset, long biasOffset, boolean reachesLoss, String tensors) {

  public Stage {
    epilogue = List.copyOf(epilogue);
    inputs = List.copyOf(inputs);
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException(layer + ": a stage reads at least one input");
    }
  }

  /** The shape of the (first) input; a dense layer's input may be spatial: it is read flattened. */
  public Shape in() {
    return inputs.get(0).shape();
  }

  /** The buffer holding the (first) input: {@code input} or an earlier stage's output. */
  public BufferName input() {
    return inputs.get(0).buffer();
  }

  /** Whether the gradient of some input must be computed: a stage before this one has parameters. */
  public boolean needsInputGradient() {
    return inputs.stream().anyMatch(StageInput::needsGradient);
  }

  public boolean hasParameters() {
    return weightOffset >= 0;
  }

  /** Whether the backward pass has any work here. */
  public boolean needsBackward() {
    return reachesLoss && (hasParameters() || needsInputGradient());
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
