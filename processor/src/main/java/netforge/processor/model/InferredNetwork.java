package netforge.processor.model;

import java.util.List;

/** A network with every shape inferred, and the graph of which layer reads which. */
public record InferredNetwork(NetworkModel model, LayerGraph graph, List<InferredLayer> layers) {
  public InferredNetwork {
    layers = List.copyOf(layers);
  }

  public String name() {
    return model.name();
  }

  /** The last layer's output: the class scores of a correct network. */
  public Shape output() {
    return layers.isEmpty() ? model.input() : layers.get(layers.size() - 1).out();
  }

  /** The shape of the output of {@code layer}, or the network's input for {@link LayerGraph#NETWORK_INPUT}. */
  public Shape outputOf(int layer) {
    return layer == LayerGraph.NETWORK_INPUT ? model.input() : layers.get(layer).out();
  }

  public long parameters() {
    return layers.stream().mapToLong(InferredLayer::parameters).reduce(0, ShapeRules::sum);
  }

  public long flops() {
    return layers.stream().mapToLong(InferredLayer::flops).reduce(0, ShapeRules::sum);
  }

  /** Every step of every layer, in order. */
  public List<InferredOp> ops() {
    return layers.stream().flatMap(l -> l.ops().stream()).toList();
  }
}
