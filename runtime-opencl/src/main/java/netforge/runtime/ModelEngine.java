package netforge.runtime;

import netforge.runtime.cl.ClBuffer;
import netforge.runtime.cl.Profiler;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.NetworkState;

/**
 * A network running on a device: what {@link Model#engine()} returns, and all a training loop, an evaluation, an
 * inference service or a benchmark of one's own needs. The implementation that generated models create is in
 * {@code netforge.runtime.internal}, which is for generated code only.
 *
 * <p>Parameters live in one flat device buffer and their gradients in another of the same layout
 * ({@link NetworkSpec#parameters()} order, PyTorch's shapes); batch-sized buffers are allocated for the largest
 * batch seen so far and reused.
 */
public interface ModelEngine extends AutoCloseable {
  Device device();

  NetworkSpec spec();

  /** The seed the parameters were initialised from; with {@link #step()} it keys dropout. */
  long seed();

  /** Training steps taken so far; part of the dropout key. */
  int step();

  /** Sets the step count, for a run that continues from a checkpoint. */
  void setStep(int step);

  /** Logits {@code [batch, classes]} in evaluation mode (dropout off, BatchNorm by its running statistics). */
  float[] forward(float[] input, int batch);

  /** The most likely class of each of {@code batch} images (ties go to the lower class). */
  int[] predict(float[] input, int batch);

  /**
   * Forward in training mode (dropout on, BatchNorm by the batch's statistics, its running statistics updated), loss,
   * backward; the gradients stay in {@link #gradientBuffer()}.
   */
  Loss lossAndGradients(float[] input, int[] labels);

  /**
   * One training step as one queue submission: forward, loss, backward, then {@code update} (an optimizer's
   * launch) is enqueued before the loss is read back, so the device never waits for the host in between.
   */
  Loss trainingStep(float[] input, int[] labels, Runnable update);

  /** Loss and correct predictions in evaluation mode, without gradients: for test sets. */
  Loss evaluate(float[] input, int[] labels);

  /** All parameters, flat, in {@link NetworkSpec#parameters()} order. */
  float[] parameters();

  void setParameters(float[] values);

  /** The gradients of the last training pass, in the layout of {@link #parameters()}. */
  float[] gradients();

  /**
   * The non-trainable state ({@link NetworkSpec#state()}): the BatchNorms' running statistics and step counts, as
   * the training passes so far have left them. Empty for a network without BatchNorm.
   */
  NetworkState state();

  /** Replaces the state, as read from a weights file or a checkpoint; it must fit {@link NetworkSpec#state()}. */
  void setState(NetworkState state);

  /** The device buffer of all parameters, for optimizers; owned by this engine. */
  ClBuffer parameterBuffer();

  /** The device buffer of all gradients, for optimizers; owned by this engine. */
  ClBuffer gradientBuffer();

  /** Times kernel launches and transfers when enabled. */
  Profiler profiler();

  /** Seconds the program took to build (or load from the cache) when this engine was created. */
  double buildSeconds();

  /** Whether the program came from the on-disk cache instead of a compile. */
  boolean programFromCache();

  /** Bytes on the device for a batch: parameters, gradients and every batch buffer. */
  long bytesFor(int batch);

  /** The largest batch whose buffers fit in {@code bytes}. */
  int largestBatchWithin(long bytes);

  /**
   * Where NaN or infinity is after a step of {@code batch} images whose loss was not finite: the first stage
   * whose output holds one and every parameter or gradient tensor that does. Reads the device; for messages.
   */
  String locateNonFinite(int batch);

  /** Releases every OpenCL object the engine holds. */
  @Override
  void close();
}
