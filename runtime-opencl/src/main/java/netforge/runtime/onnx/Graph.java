package netforge.runtime.onnx;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import netforge.runtime.onnx.proto.OnnxProtos.AttributeProto;
import netforge.runtime.onnx.proto.OnnxProtos.GraphProto;
import netforge.runtime.onnx.proto.OnnxProtos.NodeProto;
import netforge.runtime.onnx.proto.OnnxProtos.TensorProto;
import netforge.runtime.onnx.proto.OnnxProtos.TensorShapeProto;
import netforge.runtime.onnx.proto.OnnxProtos.TypeProto;
import netforge.runtime.onnx.proto.OnnxProtos.ValueInfoProto;

/**
 * The graph as it is being written: nodes in execution order, each with one output named as the node itself
 * ({@code conv1/Conv}), so a value in the file names the layer it came from. The network's input is {@value #INPUT}
 * and its output {@value #OUTPUT}, both with a symbolic batch dimension {@value #BATCH}.
 */
final class Graph {
  static final String INPUT = "input";
  static final String OUTPUT = "logits";
  static final String BATCH = "batch";

  private final GraphProto.Builder graph = GraphProto.newBuilder();
  private final Set<String> names = new HashSet<>(List.of(INPUT, OUTPUT));

  /** Adds a node and returns the name of its output: {@code name}, or {@code name_2} if that is taken. */
  String node(String name, String opType, List<String> inputs, AttributeProto... attributes) {
    String output = unique(name);
    NodeProto.Builder node = NodeProto.newBuilder().setName(output).setOpType(opType).addAllInput(inputs)
        .addOutput(output);
    for (AttributeProto attribute : attributes) {
      node.addAttribute(attribute);
    }
    graph.addNode(node);
    return output;
  }

  /** A constant the graph computes with (a pooling matrix, an exponent): a Constant node, not an initializer. */
  String constant(String name, TensorProto value) {
    return node(name, "Constant", List.of(), Attributes.tensor("value", value.toBuilder().clearName().build()));
  }

  /** A learned tensor, stored under its own name ({@code conv1.weight}). */
  String initializer(TensorProto tensor) {
    if (!names.add(tensor.getName())) {
      throw new IllegalStateException("two tensors named " + tensor.getName());
    }
    graph.addInitializer(tensor);
    return tensor.getName();
  }

  private String unique(String name) {
    String candidate = name;
    for (int i = 2; !names.add(candidate); i++) {
      candidate = name + "_" + i;
    }
    return candidate;
  }

  /**
   * The finished graph: {@code last} (the final node's output) becomes {@value #OUTPUT}, of shape
   * {@code [batch, classes]}; the input is {@code [batch, inputShape...]}.
   */
  GraphProto finish(String name, String doc, String last, int[] inputShape, int classes) {
    // The input is an image and the logits a vector, so some node (a flatten at least) always makes them.
    NodeProto.Builder lastNode = graph.getNodeCount() == 0 ? null : graph.getNodeBuilder(graph.getNodeCount() - 1);
    if (lastNode == null || !lastNode.getOutput(0).equals(last)) {
      throw new IllegalStateException("the network's output " + last + " is not the last node's");
    }
    lastNode.setOutput(0, OUTPUT);
    int[] outputShape = {classes};
    return graph.setName(name).setDocString(doc)
        .addInput(floatValue(INPUT, inputShape))
        .addOutput(floatValue(OUTPUT, outputShape))
        .build();
  }

  private static ValueInfoProto floatValue(String name, int[] imageShape) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
        .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH));
    for (int d : imageShape) {
      shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    TypeProto.Tensor tensor = TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE)
        .setShape(shape).build();
    return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(tensor)).build();
  }
}
