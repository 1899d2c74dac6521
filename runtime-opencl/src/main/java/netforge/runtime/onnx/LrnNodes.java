package netforge.runtime.onnx;

import java.util.List;
import netforge.runtime.spec.OpSpec;

/**
 * Local response normalisation, PyTorch's formula {@code y_c = x_c / (k + alpha / size * sum x_j^2)^beta} with
 * {@code j} from {@code c - floor(size / 2)} to {@code c + floor((size - 1) / 2)}. ONNX's LRN has the same formula
 * but centres its window the other way, {@code c - floor((size - 1) / 2)} to {@code c + ceil((size - 1) / 2)}:
 * the same window for an odd size, shifted by one channel for an even one (and ONNX Runtime refuses even sizes
 * outright). So an odd size is one LRN node, and an even size is written out: the squares summed over PyTorch's
 * window by a 1x1 Conv with a constant 0/1 band matrix, then scaled, raised to {@code -beta} and multiplied in.
 */
final class LrnNodes {
  private LrnNodes() {}

  static Activation add(Graph graph, String layer, Activation x, OpSpec.Lrn lrn) {
    if (lrn.size() % 2 == 1) {
      return new Activation(graph.node(layer + "/LRN", "LRN", List.of(x.name()),
          Attributes.integer("size", lrn.size()), Attributes.real("alpha", lrn.alpha()),
          Attributes.real("beta", lrn.beta()), Attributes.real("bias", lrn.k())), x.shape());
    }
    int c = x.channels();
    String squares = graph.node(layer + "/Mul", "Mul", List.of(x.name(), x.name()));
    String band = graph.constant(layer + "/window", Tensors.floats("window", new int[] {c, c, 1, 1}, window(c,
        lrn.size())));
    String sums = graph.node(layer + "/Conv", "Conv", List.of(squares, band), Attributes.ints("kernel_shape", 1, 1));
    String scaled = graph.node(layer + "/Mul", "Mul", List.of(sums,
        graph.constant(layer + "/alpha_over_size", Tensors.scalar("alpha_over_size", lrn.alpha() / lrn.size()))));
    String base = graph.node(layer + "/Add", "Add", List.of(scaled,
        graph.constant(layer + "/k", Tensors.scalar("k", lrn.k()))));
    String factor = graph.node(layer + "/Pow", "Pow", List.of(base,
        graph.constant(layer + "/minus_beta", Tensors.scalar("minus_beta", -lrn.beta()))));
    return new Activation(graph.node(layer + "/Mul", "Mul", List.of(x.name(), factor)), x.shape());
  }

  /** {@code [c, c]} (as 1x1 Conv weights): row {@code ch} is 1 over the channels of PyTorch's window of {@code ch}. */
  static float[] window(int c, int size) {
    float[] band = new float[Math.multiplyExact(c, c)];
    for (int ch = 0; ch < c; ch++) {
      for (int j = Math.max(0, ch - size / 2); j <= Math.min(c - 1, ch + (size - 1) / 2); j++) {
        band[ch * c + j] = 1;
      }
    }
    return band;
  }
}
