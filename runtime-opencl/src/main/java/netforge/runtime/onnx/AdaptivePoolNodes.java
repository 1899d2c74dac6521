package netforge.runtime.onnx;

import java.util.List;

/**
 * Adaptive average pooling, which ONNX lacks, written with what it has: GlobalAveragePool for a 1x1 output,
 * AveragePool when the windows are regular in both dimensions (12 to 6 and 7 to 3 are; AlexNetCifar's 4 to 6 is
 * not), and otherwise two MatMuls with constant averaging matrices, {@code rows [oh, H] x X x columns [W, ow]}:
 * exact for windows of any size, because the pooling is linear and separable.
 */
final class AdaptivePoolNodes {
  private AdaptivePoolNodes() {}

  static Activation add(Graph graph, String layer, Activation x, int oh, int ow) {
    int[] shape = {x.channels(), oh, ow};
    if (oh == 1 && ow == 1) {
      return new Activation(graph.node(layer + "/GlobalAveragePool", "GlobalAveragePool", List.of(x.name())), shape);
    }
    AdaptiveWindows rows = new AdaptiveWindows(x.height(), oh);
    AdaptiveWindows columns = new AdaptiveWindows(x.width(), ow);
    if (rows.regular() && columns.regular()) {
      return new Activation(graph.node(layer + "/AveragePool", "AveragePool", List.of(x.name()),
          Attributes.ints("kernel_shape", rows.kernel(), columns.kernel()),
          Attributes.ints("strides", rows.stride(), columns.stride())), shape);
    }
    String right = graph.constant(layer + "/columns",
        Tensors.floats("columns", new int[] {x.width(), ow}, columns.averagingColumns()));
    String left = graph.constant(layer + "/rows",
        Tensors.floats("rows", new int[] {oh, x.height()}, rows.averagingRows()));
    // [N, C, H, W] x [W, ow] -> [N, C, H, ow]; then [oh, H] x that, broadcast over N and C -> [N, C, oh, ow]
    String pooledColumns = graph.node(layer + "/MatMul", "MatMul", List.of(x.name(), right));
    return new Activation(graph.node(layer + "/MatMul", "MatMul", List.of(left, pooledColumns)), shape);
  }
}
