package netforge.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import netforge.runtime.io.Safetensors;
import netforge.runtime.io.Weights;
import netforge.runtime.onnx.OnnxExport;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.NetworkState;

/**
 * A network on a device, as every generated {@code <Network>Model} created with a device implements it. Inputs
 * are batches of images in NCHW order, flattened: image {@code n}, channel {@code c}, row {@code y}, column
 * {@code x} at {@code ((n * C + c) * H + y) * W + x}.
 */
public interface Model extends AutoCloseable {
  /** The network as the processor inferred it. */
  NetworkSpec spec();

  /** What runs it on its device: for a training loop, an evaluation or a benchmark of one's own. */
  ModelEngine engine();

  /**
   * Logits of {@code batch} images, {@code [batch, classes]}, in evaluation mode: dropout off, and every BatchNorm
   * normalising by its running statistics, as PyTorch's {@code model.eval()}.
   */
  default float[] forward(float[] input, int batch) {
    return engine().forward(input, batch);
  }

  /**
   * One training forward and backward pass over {@code labels.length} images, as PyTorch's {@code model.train()}:
   * dropout on, every BatchNorm normalising by the batch's statistics and moving its running statistics towards them
   * (and counting the step). Returns the mean cross-entropy, and leaves the gradient of that mean with respect to
   * every parameter on the device, where {@link #gradients()} reads it and optimizers use it.
   */
  default Loss lossAndGradients(float[] input, int[] labels) {
    return engine().lossAndGradients(input, labels);
  }

  /** Mean loss and correct predictions of a labelled batch in evaluation mode (as {@link #forward}), without gradients. */
  default Loss evaluate(float[] input, int[] labels) {
    return engine().evaluate(input, labels);
  }

  /** The most likely class of each of {@code batch} images, in evaluation mode (as {@link #forward}). */
  default int[] predict(float[] input, int batch) {
    return engine().predict(input, batch);
  }

  /** All parameters, flat, in {@link NetworkSpec#parameters()} order and PyTorch's layouts. */
  default float[] parameters() {
    return engine().parameters();
  }

  default void setParameters(float[] values) {
    engine().setParameters(values);
  }

  /** The gradients of the last {@link #lossAndGradients}, in the layout of {@link #parameters()}. */
  default float[] gradients() {
    return engine().gradients();
  }

  /**
   * The non-trainable state, PyTorch's buffers: every BatchNorm's running mean and variance and its count of training
   * steps ({@link NetworkSpec#state()}). Training passes update it, evaluation reads it, optimizers never touch it.
   */
  default NetworkState state() {
    return engine().state();
  }

  /** Replaces the non-trainable state; it must fit {@link NetworkSpec#state()}. */
  default void setState(NetworkState state) {
    engine().setState(state);
  }

  /**
   * Writes every parameter as safetensors ({@code <field>.weight}, {@code <field>.bias}, F32) and the state
   * ({@code <bn>.running_mean}, {@code <bn>.running_var} F32, {@code <bn>.num_batches_tracked} I64), PyTorch's
   * {@code state_dict} names and dtypes, with the network's name and model class in the metadata.
   */
  default void save(Path file) throws IOException {
    Safetensors.save(file, spec(), parameters(), state(), getClass().getName());
  }

  /**
   * Reads parameters and state saved by {@link #save} or by PyTorch, checking every name, dtype and shape. A file
   * that lacks the state of a network with BatchNorm is refused: evaluation needs its running statistics.
   */
  default void load(Path file) throws IOException {
    Weights weights = Safetensors.read(file, spec());
    setParameters(weights.parameters());
    setState(weights.state());
  }

  /**
   * Writes the network with its current parameters as an ONNX model (opset 17) that ONNX Runtime and other tools
   * run: input {@code "input"} {@code [batch, c, h, w]}, output {@code "logits"} {@code [batch, classes]}, computed
   * as {@link #forward} does (evaluation mode: no dropout, BatchNorm by its running statistics); parameters and
   * running statistics named as {@link #save} names them. Past
   * 1 GiB of parameters (protobuf's files stop at 2 GiB) they go to {@code <file>.data} beside it, as ONNX allows.
   *
   * @return the files written: {@code file}, and the data file when there is one
   */
  default List<Path> exportOnnx(Path file) throws IOException {
    return OnnxExport.write(spec(), parameters(), state(), file);
  }

  @Override
  default void close() {
    engine().close();
  }
}
