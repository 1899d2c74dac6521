package netforge.runtime.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import netforge.runtime.onnx.proto.OnnxProtos.AttributeProto;
import netforge.runtime.spec.LayerSpec;
import netforge.runtime.spec.OpSpec;

/**
 * One layer's steps as ONNX nodes, in order, in evaluation mode: dropout is the identity there and is left out.
 * Windows are PyTorch's (floor mode, symmetric zero padding), which are ONNX's with {@code ceil_mode = 0}; average
 * pooling counts padded zeros, as NetForge and PyTorch's default do ({@code count_include_pad = 1}). A dense layer
 * after a spatial one flattens first, in NCHW order, as NetForge does.
 */
final class LayerNodes {
  private final Graph graph;
  private final Parameters parameters;

  LayerNodes(Graph graph, Parameters parameters) {
    this.graph = graph;
    this.parameters = parameters;
  }

  Activation add(LayerSpec layer, Activation in) {
    Activation x = in;
    for (OpSpec op : layer.ops()) {
      x = step(layer, op, x);
    }
    if (!Arrays.equals(x.shape(), layer.outputShape())) {
      throw new IllegalStateException(layer.name() + ": the exported steps give " + Arrays.toString(x.shape())
          + " per image, the spec says " + Arrays.toString(layer.outputShape()));
    }
    return x;
  }

  private Activation step(LayerSpec layer, OpSpec op, Activation x) {
    String name = layer.name();
    if (op instanceof OpSpec.Conv conv) {
      return conv(layer, conv, x);
    } else if (op instanceof OpSpec.Pool pool) {
      return pool(name, pool, x);
    } else if (op instanceof OpSpec.AdaptiveAvgPool adaptive) {
      requireSpatial(name, "adaptive pooling", x);
      return AdaptivePoolNodes.add(graph, name, x, adaptive.h(), adaptive.w());
    } else if (op instanceof OpSpec.Lrn lrn) {
      requireSpatial(name, "LRN", x);
      return LrnNodes.add(graph, name, x, lrn);
    } else if (op instanceof OpSpec.Dense dense) {
      return dense(layer, dense, x);
    } else if (op instanceof OpSpec.Flatten) {
      return flatten(name, x);
    } else if (op instanceof OpSpec.Relu) {
      return new Activation(graph.node(name + "/Relu", "Relu", List.of(x.name())), x.shape());
    } else if (op instanceof OpSpec.Dropout) {
      return x;
    }
    throw new IllegalArgumentException(name + ": no ONNX export for " + op);
  }

  private Activation conv(LayerSpec layer, OpSpec.Conv conv, Activation x) {
    requireSpatial(layer.name(), "Conv", x);
    List<String> inputs = new ArrayList<>(List.of(x.name(),
        parameters.weight(layer, conv.out(), x.channels() / conv.groups(), conv.kh(), conv.kw())));
    if (conv.bias()) {
      inputs.add(parameters.bias(layer, conv.out()));
    }
    int ph = conv.padH();
    int pw = conv.padW();
    // ONNX orders pads as [top, left, bottom, right]; its group is PyTorch's groups, with the same weight layout
    List<AttributeProto> attributes = new ArrayList<>(List.of(Attributes.ints("kernel_shape", conv.kh(), conv.kw()),
        Attributes.ints("strides", conv.stride(), conv.stride()), Attributes.ints("pads", ph, pw, ph, pw)));
    if (conv.groups() != 1) {
      attributes.add(Attributes.integer("group", conv.groups()));
    }
    String out = graph.node(layer.name() + "/Conv", "Conv", inputs, attributes.toArray(AttributeProto[]::new));
    return new Activation(out, new int[] {conv.out(), window(x.height(), conv.kh(), conv.stride(), ph),
        window(x.width(), conv.kw(), conv.stride(), pw)});
  }

  private Activation pool(String layer, OpSpec.Pool pool, Activation x) {
    String type = pool.max() ? "MaxPool" : "AveragePool";
    requireSpatial(layer, type, x);
    int k = pool.k();
    int s = pool.stride();
    int ph = pool.padH();
    int pw = pool.padW();
    List<AttributeProto> attributes = new ArrayList<>(List.of(
        Attributes.ints("kernel_shape", k, k), Attributes.ints("strides", s, s),
        Attributes.ints("pads", ph, pw, ph, pw)));
    if (!pool.max()) {
      attributes.add(Attributes.integer("count_include_pad", 1));
    }
    String out = graph.node(layer + "/" + type, type, List.of(x.name()),
        attributes.toArray(AttributeProto[]::new));
    return new Activation(out, new int[] {x.channels(), window(x.height(), k, s, ph), window(x.width(), k, s, pw)});
  }

  private Activation dense(LayerSpec layer, OpSpec.Dense dense, Activation x) {
    Activation flat = x.isSpatial() ? flatten(layer.name(), x) : x;
    List<String> inputs = new ArrayList<>(List.of(flat.name(), parameters.weight(layer, dense.out(), flat.size())));
    if (dense.bias()) {
      inputs.add(parameters.bias(layer, dense.out()));
    }
    String out = graph.node(layer.name() + "/Gemm", "Gemm", inputs, Attributes.integer("transB", 1));
    return new Activation(out, new int[] {dense.out()});
  }

  /** {@code [N, c, h, w]} to {@code [N, c * h * w]}, NCHW order: ONNX's Flatten with {@code axis = 1}. */
  private Activation flatten(String layer, Activation x) {
    return new Activation(graph.node(layer + "/Flatten", "Flatten", List.of(x.name()),
        Attributes.integer("axis", 1)), new int[] {x.size()});
  }

  /** PyTorch's (and ONNX's, in floor mode) sliding-window output size. */
  private static int window(int in, int k, int stride, int pad) {
    return Math.floorDiv(in + 2 * pad - k, stride) + 1;
  }

  private static void requireSpatial(String layer, String step, Activation x) {
    if (!x.isSpatial()) {
      throw new IllegalStateException(layer + ": " + step + " needs an image [c, h, w], but gets " + x);
    }
  }
}
