package netforge.runtime.onnx;

import java.util.List;
import netforge.runtime.spec.OpSpec;

/**
 * Local response normalisation, PyTorch's formula {@code y_c = x_c / (k + alpha / size * sum x_j^2)^beta} with
 * {@code j} from {@code c - floor(size / 2)} to {@code c + floor((size - 1) / 2)}. ONNX's LRN has the same formula
 * but centres its window the other way, {@code c - floor((size - 1) / 2)} to {@code c + ceil((size - 1) / 2)}:
 * the same window for an odd size, shifted by one channel for an even one (and ONNX Runtime refuses even sizes
 * outright). So an odd size is one LRN node, and an even size is written out as PyTorch computes it: the squares,
 * seen as a one-channel volume {@code [N, 1, C, H, W]}, averaged over {@code size} channels by a 3-D AveragePool
 * whose zero padding ({@code size / 2} before, {@code (size - 1) / 2} after) counts, then scaled, raised to
 * {@code -beta} and multiplied in. Its constants do not grow with the channels.
 */
final class LrnNodes {
  private LrnNodes() {}

  static Activation add(Graph graph, String layer, Activation x, OpSpec.Lrn lrn) {
    if (lrn.size() % 2 == 1) {
      return new Activation(graph.node(layer + "/LRN", "LRN", List.of(x.name()),
          Attributes.integer("size", lrn.size()), Attributes.real("alpha", lrn.alpha()),
          Attributes.real("beta", lrn.beta()), Attributes.real("bias", lrn.k())), x.shape());
    }
    int size = lrn.size();
    String squares = graph.node(layer + "/Mul", "Mul", List.of(x.name(), x.name()));
    String axis = graph.constant(layer + "/axis", Tensors.int64s("axis", new int[] {1}, 1));
    String volume = graph.node(layer + "/Unsqueeze", "Unsqueeze", List.of(squares, axis));
    String means = graph.node(layer + "/AveragePool", "AveragePool", List.of(volume),
        Attributes.ints("kernel_shape", size, 1, 1),
        Attributes.ints("pads", size / 2, 0, 0, (size - 1) / 2, 0, 0),
        Attributes.integer("count_include_pad", 1));
    String windowMeans = graph.node(layer + "/Squeeze", "Squeeze", List.of(means, axis));
    String scaled = graph.node(layer + "/Mul", "Mul", List.of(windowMeans,
        graph.constant(layer + "/alpha", Tensors.scalar("alpha", lrn.alpha()))));
    String base = graph.node(layer + "/Add", "Add", List.of(scaled,
        graph.constant(layer + "/k", Tensors.scalar("k", lrn.k()))));
    String factor = graph.node(layer + "/Pow", "Pow", List.of(base,
        graph.constant(layer + "/minus_beta", Tensors.scalar("minus_beta", -lrn.beta()))));
    return new Activation(graph.node(layer + "/Mul", "Mul", List.of(x.name(), factor)), x.shape());
  }
}
