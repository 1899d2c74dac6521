package netforge.runtime.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.List;
import netforge.runtime.io.AtomicFiles;
import netforge.runtime.onnx.proto.OnnxProtos.ModelProto;
import netforge.runtime.onnx.proto.OnnxProtos.OperatorSetIdProto;
import netforge.runtime.spec.LayerSpec;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.NetworkState;

/**
 * Writes a network as an ONNX model that ONNX Runtime, PyTorch's tools or Netron read: opset {@value #OPSET}, the
 * input {@code "input"} of shape {@code [batch, c, h, w]} with a symbolic batch size, the output {@code "logits"}
 * of shape {@code [batch, classes]}, and every parameter as an initializer named as in the safetensors file
 * ({@code conv1.weight}), and every BatchNorm's running statistics likewise ({@code bn1.running_mean}). The graph
 * computes what {@code Model.forward} does: evaluation mode, dropout left out, BatchNorm by its running statistics.
 */
public final class OnnxExport {
  /** The ONNX operator set the graph uses. */
  public static final int OPSET = 17;
  /** The file format version that goes with opset 17 (ONNX 1.12), which every runtime since 2022 reads. */
  static final int IR_VERSION = 8;
  /**
   * Parameters up to this many bytes go inside the model file. protobuf cannot write a message of 2 GiB or more, so
   * a larger network's parameters go to a file beside it, {@code <file>.data} (ONNX's external data, which runtimes
   * read with the model); the graph and its constants stay inside.
   */
  static final long INLINE_PARAMETER_BYTES = 1L << 30;
  /** What the file says wrote it. */
  static final String PRODUCER = "NetForge";

  private OnnxExport() {}

  /**
   * Writes {@code parameters} (laid out as {@link NetworkSpec#parameters()} says) and the graph to {@code file}; past
   * 1 GiB of parameters, they go to {@link #dataFile(Path)} beside it, which must travel with the file.
   *
   * @return the files written: {@code file}, and the data file when there is one
   */
  public static List<Path> write(NetworkSpec spec, float[] parameters, Path file) throws IOException {
    return write(spec, parameters, NetworkState.NONE, file);
  }

  /**
   * As {@link #write(NetworkSpec, float[], Path)}, for a network with state: its BatchNorms' running statistics
   * ({@code state}, laid out as {@link NetworkSpec#state()} says) go into the graph beside the parameters.
   */
  public static List<Path> write(NetworkSpec spec, float[] parameters, NetworkState state, Path file)
      throws IOException {
    return write(spec, parameters, state, file, INLINE_PARAMETER_BYTES);
  }

  /** {@link #write(NetworkSpec, float[], NetworkState, Path)} with another limit for parameters inside the file. */
  static List<Path> write(NetworkSpec spec, float[] parameters, NetworkState state, Path file, long inlineBytes)
      throws IOException {
    Path data = dataFile(file);
    if (spec.parameterCount() * Float.BYTES <= inlineBytes) {
      ModelProto model = model(spec, parameters, state, Tensors::floats);
      AtomicFiles.write(file, model::writeTo);
      // A data file left by an earlier, larger export beside this name would mislead whoever finds it.
      Files.deleteIfExists(data);
      return List.of(file);
    }
    ExternalData external = new ExternalData(data.getFileName().toString());
    ModelProto model = model(spec, parameters, state, external::tensor);
    external.write(data);
    try {
      AtomicFiles.write(file, model::writeTo);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(data); // a data file without its model is gigabytes nobody can use
      throw e;
    }
    return List.of(file, data);
  }

  /** Where the parameters of a model too large for one file go: {@code model.onnx.data} beside {@code model.onnx}. */
  public static Path dataFile(Path file) {
    return file.resolveSibling(file.getFileName() + ".data");
  }

  /** The model with its parameters inside, for tests that look into it. */
  static ModelProto model(NetworkSpec spec, float[] parameters) {
    return model(spec, parameters, NetworkState.NONE);
  }

  /** The model of a network with state, its parameters and running statistics inside, for tests. */
  static ModelProto model(NetworkSpec spec, float[] parameters, NetworkState state) {
    return model(spec, parameters, state, Tensors::floats);
  }

  private static ModelProto model(NetworkSpec spec, float[] parameters, NetworkState state,
      Parameters.Store store) {
    Graph graph = new Graph();
    Parameters tensors = new Parameters(graph, spec, parameters, state, store);
    LayerNodes layers = new LayerNodes(graph, tensors);
    Activation x = new Activation(Graph.INPUT, spec.inputShape());
    Map<String, Activation> outputs = new HashMap<>();
    for (LayerSpec layer : spec.layers()) {
      List<Activation> inputs = layer.readsLayerAbove() ? List.of(x)
          : layer.inputs().stream().map(outputs::get).toList();
      x = layers.add(layer, inputs);
      outputs.put(layer.name(), x);
    }
    tensors.checkAllExported();
    if (!Arrays.equals(x.shape(), new int[] {spec.classes()})) {
      throw new IllegalStateException(spec.name() + " ends in " + x + ", not in " + spec.classes() + " logits");
    }
    String doc = spec.name() + ", written by NetForge in evaluation mode: dropout is left out"
        + (spec.state().isEmpty() ? "." : ", BatchNorm normalises by its running statistics.");
    return ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .setProducerName(PRODUCER)
        .setGraph(graph.finish(spec.name(), doc, x.name(), spec.inputShape(), spec.classes()))
        .build();
  }
}
