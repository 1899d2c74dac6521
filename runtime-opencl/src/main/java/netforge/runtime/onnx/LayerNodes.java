package netforge.runtime.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import netforge.runtime.onnx.proto.OnnxProtos.AttributeProto;
import netforge.runtime.spec.LayerSpec;
import netforge.runtime.spec.OpSpec;

/**
 * One layer's steps as ONNX nodes, in order, in evaluation mode: dropout is the identity there and is left out, and
 * BatchNorm normalises by its running statistics. Activations are opset 17's own operators where it has them (Relu,
 * LeakyRelu, Tanh, Sigmoid); GELU (an operator only from opset 20) and SiLU are written out as PyTorch's exporter
 * writes them.
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

  /** The layer's nodes, reading {@code inputs}: the output of each layer it reads, in order. */
  Activation add(LayerSpec layer, List<Activation> inputs) {
    Activation x = inputs.get(0);
    for (OpSpec op : layer.ops()) {
      x = op instanceof OpSpec.Add || op instanceof OpSpec.Concat ? join(layer.name(), op, inputs) : step(layer, op, x);
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
    } else if (op instanceof OpSpec.BatchNorm bn) {
      return batchNorm(name, bn, x);
    } else if (op instanceof OpSpec.Lrn lrn) {
      requireSpatial(name, "LRN", x);
      return LrnNodes.add(graph, name, x, lrn);
    } else if (op instanceof OpSpec.Dense dense) {
      return dense(layer, dense, x);
    } else if (op instanceof OpSpec.Flatten) {
      return flatten(name, x);
    } else if (op instanceof OpSpec.Relu) {
      return new Activation(graph.node(name + "/Relu", "Relu", List.of(x.name())), x.shape());
    } else if (op instanceof OpSpec.LeakyRelu leaky) {
      return new Activation(graph.node(name + "/LeakyRelu", "LeakyRelu", List.of(x.name()),
          Attributes.real("alpha", leaky.slope())), x.shape());
    } else if (op instanceof OpSpec.Tanh) {
      return new Activation(graph.node(name + "/Tanh", "Tanh", List.of(x.name())), x.shape());
    } else if (op instanceof OpSpec.Sigmoid) {
      return new Activation(graph.node(name + "/Sigmoid", "Sigmoid", List.of(x.name())), x.shape());
    } else if (op instanceof OpSpec.Gelu) {
      return gelu(name, x);
    } else if (op instanceof OpSpec.Silu) {
      String sigmoid = graph.node(name + "/Sigmoid", "Sigmoid", List.of(x.name()));
      return new Activation(graph.node(name + "/Mul", "Mul", List.of(x.name(), sigmoid)), x.shape());
    } else if (op instanceof OpSpec.Dropout) {
      return x;
    }
    throw new IllegalArgumentException(name + ": no ONNX export for " + op);
  }

  /** ONNX's variadic Sum for an add (of one shape), Concat along the channels (axis 1, after the batch). */
  private Activation join(String name, OpSpec op, List<Activation> inputs) {
    List<String> names = inputs.stream().map(Activation::name).toList();
    int[] first = inputs.get(0).shape();
    if (op instanceof OpSpec.Add) {
      return new Activation(graph.node(name + "/Sum", "Sum", names), first);
    }
    int[] shape = first.clone();
    shape[0] = inputs.stream().mapToInt(Activation::channels).sum();
    return new Activation(graph.node(name + "/Concat", "Concat", names, Attributes.integer("axis", 1)), shape);
  }

  /** The exact GELU, {@code x * 0.5 * (1 + erf(x / sqrt 2))}: Div, Erf, Add, Mul, Mul. */
  private Activation gelu(String layer, Activation x) {
    String scaled = graph.node(layer + "/Div", "Div", List.of(x.name(),
        graph.constant(layer + "/sqrt2", Tensors.scalar("sqrt2", Math.sqrt(2)))));
    String erf = graph.node(layer + "/Erf", "Erf", List.of(scaled));
    String cdf = graph.node(layer + "/Add", "Add", List.of(erf,
        graph.constant(layer + "/one", Tensors.scalar("one", 1))));
    String product = graph.node(layer + "/Mul", "Mul", List.of(x.name(), cdf));
    return new Activation(graph.node(layer + "/Mul", "Mul", List.of(product,
        graph.constant(layer + "/half", Tensors.scalar("half", 0.5)))), x.shape());
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

  /**
   * BatchNorm in its inference form, ONNX's BatchNormalization ({@code training_mode = 0}): by the running statistics,
   * over dimension 1 of {@code [N, c, h, w]} (BatchNorm2d) or of {@code [N, features]} (BatchNorm1d).
   */
  private Activation batchNorm(String layer, OpSpec.BatchNorm bn, Activation x) {
    int channels = x.shape()[0];
    List<String> inputs = List.of(x.name(), parameters.weight(bn.name(), channels),
        parameters.bias(bn.name(), channels), parameters.state(bn.name() + ".running_mean", channels),
        parameters.state(bn.name() + ".running_var", channels));
    String out = graph.node(layer + "/BatchNormalization", "BatchNormalization", inputs,
        Attributes.real("epsilon", bn.eps()));
    return new Activation(out, x.shape());
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
