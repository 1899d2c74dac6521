package netforge.runtime.internal;

import java.util.Map;
import netforge.runtime.tuning.Tunables;

/**
 * What the processor generates for a network (for generated code only): the buffers a batch needs, and the fixed
 * sequence of kernel launches of the forward pass, of the loss, and of the backward pass.
 */
public interface LaunchSequence {
  /** The batch of input images, written by the engine before each pass; generated code reads it by this name. */
  String INPUT = "input";
  /** The batch's class labels, one int per image, written by the engine for the loss. */
  String LABELS = "labels";
  /** Each image's cross-entropy loss, written by the loss kernel, read back by the engine. */
  String ROW_LOSS = "rowLoss";
  /** Each image's predicted class, written by the loss kernel, read back by the engine. */
  String ROW_PRED = "rowPred";

  /** The class-path resource holding the network's OpenCL program, next to the generated class. */
  String programResource();

  /**
   * How the comment lines that open the program's sections start. Each section is self-contained after the
   * program's header, so the engine builds the sections in parallel parts split there. The processor writes the
   * program and this method from one constant, so the two agree without the runtime knowing the format.
   */
  String sectionMarker();

  /**
   * The batch-dependent buffers: name to 32-bit elements. Always {@link #INPUT}, {@link #LABELS},
   * {@link #ROW_LOSS}, {@link #ROW_PRED}, the name {@link #logits()} returns and those of
   * {@link #stageOutputs()}.
   */
  Map<String, Long> buffers(int batch, Tunables tunables);

  /** The buffer holding the logits after {@link #forward}. */
  String logits();

  /**
   * The layer whose reduction each stage runs, in order: stage {@code i} (from 0) writes buffer
   * {@code stageOutputs().get(i)}. For messages that name where values went wrong.
   */
  java.util.List<String> stageLayers();

  /** The buffer each stage writes, in the order of {@link #stageLayers()}. */
  java.util.List<String> stageOutputs();

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
