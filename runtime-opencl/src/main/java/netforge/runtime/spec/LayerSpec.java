package netforge.runtime.spec;

import java.util.List;
import netforge.annotations.Layer;

/**
 * One layer field at run time: the layers it reads, its steps, shapes (one image), parameters and forward FLOPs.
 *
 * @param inputs the names of the layers whose outputs this layer reads, in order (a join's first step combines
 *     them); empty for the layer above it, or the network's input for the first layer
 * @param tensors the name its convolution's or dense layer's tensors take ({@code <tensors>.weight}): its own name
 *     unless the annotation gave another, such as torchvision's {@code layer2.0.downsample.0}
 * @param inShape the shape its first step reads (for a join, that of its first input)
 */
public record LayerSpec(String name, String description, List<String> inputs, String tensors, List<OpSpec> ops,
    int[] inShape, int[] outShape, long parameterCount, long flops) implements Layer {
  public LayerSpec {
    inputs = List.copyOf(inputs);
    ops = List.copyOf(ops);
    inShape = inShape.clone();
    outShape = outShape.clone();
  }

  /** A layer of a chain: it reads the layer above it. */
  public LayerSpec(String name, String description, List<OpSpec> ops, int[] inShape, int[] outShape,
      long parameterCount, long flops) {
    this(name, description, List.of(), name, ops, inShape, outShape, parameterCount, flops);
  }

  /** Whether this layer reads the layer above it (or, first, the network's input) rather than named layers. */
  public boolean readsLayerAbove() {
    return inputs.isEmpty();
  }

  @Override
  public int[] outputShape() {
    return outShape.clone();
  }
}
