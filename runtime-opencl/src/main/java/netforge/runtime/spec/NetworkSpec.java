package netforge.runtime.spec;

import java.util.Arrays;
import java.util.List;

/**
 * A whole network at run time, as the processor inferred and laid it out: input shape, classes, layers, every
 * tensor of the flat parameter buffer with its offset (in layer order, weight before bias, contiguous, as PyTorch's
 * {@code named_parameters()} lists them), and every tensor of its non-trainable state (PyTorch's buffers: a
 * BatchNorm's running statistics, contiguous floats, and its step count, one counter each). The layout is the
 * processor's: nothing here recomputes it.
 */
public record NetworkSpec(String name, int[] inputShape, int classes, List<LayerSpec> layers,
    List<ParamSpec> parameters, List<StateSpec> state) {
  public NetworkSpec {
    inputShape = inputShape.clone();
    layers = List.copyOf(layers);
    parameters = List.copyOf(parameters);
    state = List.copyOf(state);
    long layerTotal = layers.stream().mapToLong(LayerSpec::parameterCount).sum();
    long next = 0;
    for (ParamSpec p : parameters) {
      if (p.offset() != next) {
        throw new IllegalArgumentException(name + ": " + p.name() + " at offset " + p.offset() + ", expected " + next
            + ": tensors must be contiguous, in order");
      }
      next += p.size();
    }
    if (next != layerTotal) {
      throw new IllegalArgumentException(name + ": the tensors hold " + next + " parameters, the layers "
          + layerTotal);
    }
    long nextValue = 0;
    long nextCounter = 0;
    for (StateSpec s : state) {
      long expected = s.kind().isCounter() ? nextCounter : nextValue;
      if (s.offset() != expected) {
        throw new IllegalArgumentException(name + ": state " + s.name() + " at offset " + s.offset() + ", expected "
            + expected + ": state tensors of a kind must be contiguous, in order");
      }
      if (s.kind().isCounter()) {
        nextCounter += s.size();
      } else {
        nextValue += s.size();
      }
    }
  }

  /** A network without state: no BatchNorm. */
  public NetworkSpec(String name, int[] inputShape, int classes, List<LayerSpec> layers,
      List<ParamSpec> parameters) {
    this(name, inputShape, classes, layers, parameters, List.of());
  }

  @Override
  public int[] inputShape() {
    return inputShape.clone();
  }

  /** Elements of one input image. */
  public int inputSize() {
    return Arrays.stream(inputShape).reduce(1, (a, b) -> a * b);
  }

  public long parameterCount() {
    return layers.stream().mapToLong(LayerSpec::parameterCount).sum();
  }

  /** Floats of the running statistics, the device's state buffer. */
  public long stateValueCount() {
    return state.stream().filter(s -> !s.kind().isCounter()).mapToLong(StateSpec::size).sum();
  }

  /** 64-bit step counts of the state. */
  public long stateCounterCount() {
    return state.stream().filter(s -> s.kind().isCounter()).mapToLong(StateSpec::size).sum();
  }

  public long flops() {
    return layers.stream().mapToLong(LayerSpec::flops).sum();
  }
}
