package netforge.runtime.onnx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import netforge.runtime.io.AtomicFiles;
import netforge.runtime.onnx.proto.OnnxProtos.ModelProto;
import netforge.runtime.onnx.proto.OnnxProtos.OperatorSetIdProto;
import netforge.runtime.spec.LayerSpec;
import netforge.runtime.spec.NetworkSpec;

/**
 * Writes a network as an ONNX model that ONNX Runtime, PyTorch's tools or Netron read: opset {@value #OPSET}, the
 * input {@code "input"} of shape {@code [batch, c, h, w]} with a symbolic batch size, the output {@code "logits"}
 * of shape {@code [batch, classes]}, and every parameter as an initializer named as in the safetensors file
 * ({@code conv1.weight}). The graph computes what {@code Model.forward} does: evaluation mode, dropout left out.
 */
public final class OnnxExport {
  /** The ONNX operator set the graph uses. */
  public static final int OPSET = 17;
  /** The file format version that goes with opset 17 (ONNX 1.12), which every runtime since 2022 reads. */
  static final int IR_VERSION = 8;
  /** protobuf's limit for one message; past it ONNX keeps tensors in separate files, which this writer does not. */
  static final long MAX_FILE_BYTES = Integer.MAX_VALUE;
  /** What the file says wrote it. */
  static final String PRODUCER = "NetForge";

  private OnnxExport() {}

  /** Writes {@code parameters} (laid out as {@link NetworkSpec#parameters()} says) and the graph to {@code file}. */
  public static void write(NetworkSpec spec, float[] parameters, Path file) throws IOException {
    long bytes = spec.parameterCount() * Float.BYTES;
    if (bytes > MAX_FILE_BYTES - (64L << 20)) {
      throw new IllegalArgumentException(spec.name() + ": " + spec.parameterCount() + " parameters (" + bytes
          + " bytes) do not fit in one ONNX file (2 GiB, protobuf's limit), and NetForge does not write ONNX's"
          + " external tensor files");
    }
    ModelProto model = model(spec, parameters);
    AtomicFiles.write(file, model::writeTo);
  }

  /** The model, for tests that look inside it. */
  static ModelProto model(NetworkSpec spec, float[] parameters) {
    Graph graph = new Graph();
    Parameters tensors = new Parameters(graph, spec, parameters);
    LayerNodes layers = new LayerNodes(graph, tensors);
    Activation x = new Activation(Graph.INPUT, spec.inputShape());
    for (LayerSpec layer : spec.layers()) {
      x = layers.add(layer, x);
    }
    tensors.checkAllExported();
    if (!Arrays.equals(x.shape(), new int[] {spec.classes()})) {
      throw new IllegalStateException(spec.name() + " ends in " + x + ", not in " + spec.classes() + " logits");
    }
    String doc = spec.name() + ", written by NetForge in evaluation mode: dropout is left out.";
    return ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .setProducerName(PRODUCER)
        .setGraph(graph.finish(spec.name(), doc, x.name(), spec.inputShape(), spec.classes()))
        .build();
  }
}
