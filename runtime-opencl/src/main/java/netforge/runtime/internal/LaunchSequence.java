package netforge.runtime.internal;

import java.util.Map;

/**
 * What the processor generates for a network (for generated code only): the buffers a batch needs, and the fixed
 * sequence of kernel launches of the forward pass, of the loss, and of the backward pass.
 */
public interface LaunchSequence {
  /** The class-path resource holding the network's OpenCL program, next to the generated class. */
  String programResource();

  /**
   * The batch-dependent buffers: name to 32-bit elements. Always {@code input}, {@code labels},
   * {@code rowLoss}, {@code rowPred}, and the name {@link #logits()} returns.
   */
  Map<String, Long> buffers(int batch, Tunables tunables);

  /** The buffer holding the logits after {@link #forward}. */
  String logits();

  /**
   * The layer whose reduction each stage runs, in order: stage {@code i} (from 0) writes buffer
   * {@code act<i+1>}, two digits. For messages that name where values went wrong.
   */
  java.util.List<String> stageLayers();

  void forward(Pass pass);

  /** Cross-entropy per row, predictions, and the gradient of the mean loss with respect to the logits. */
  void loss(Pass pass);

  void backward(Pass pass);

  /**
   * The whole training step as one fixed sequence: forward, loss, backward, then {@code update} (the optimizer's
   * single launch over the flat parameter buffer), all enqueued without waiting.
   */
  void trainingStep(Pass pass, Runnable update);
}
