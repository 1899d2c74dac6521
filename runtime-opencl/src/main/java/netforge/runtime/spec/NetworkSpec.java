package netforge.runtime.spec;

import java.util.Arrays;
import java.util.List;

/**
 * A whole network at run time, as the processor inferred and laid it out: input shape, classes, layers, and every
 * tensor of the flat parameter buffer with its offset (in layer order, weight before bias, contiguous, as PyTorch's
 * {@code named_parameters()} lists them). The layout is the processor's: nothing here recomputes it.
 */
public record NetworkSpec(String name, int[] inputShape, int classes, List<LayerSpec> layers,
    List<ParamSpec> parameters) {
  public NetworkSpec {
    inputShape = inputShape.clone();
    layers = List.copyOf(layers);
    parameters = List.copyOf(parameters);
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

  public long flops() {
    return layers.stream().mapToLong(LayerSpec::flops).sum();
  }
}
