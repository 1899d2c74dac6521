package netforge.runtime.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import netforge.runtime.onnx.proto.OnnxProtos.TensorProto;
import netforge.runtime.spec.LayerSpec;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.NetworkState;
import netforge.runtime.spec.ParamSpec;
import netforge.runtime.spec.StateSpec;

/**
 * The network's parameters, handed to the graph as initializers under their safetensors names
 * ({@code conv1.weight}, {@code conv1.bias}) and in PyTorch's layouts, which are ONNX's too (Conv weights
 * {@code [out, in, kh, kw]}; Gemm's B {@code [out, in]} with {@code transB = 1}); and the running statistics of the
 * state ({@code bn1.running_mean}), which an inference graph reads as it reads the weights. The step counts
 * ({@code num_batches_tracked}) only matter to training, and stay out.
 */
final class Parameters {
  /** Where a tensor's values go: into the model ({@link Tensors#floats}) or a data file ({@link ExternalData}). */
  @FunctionalInterface
  interface Store {
    TensorProto tensor(String name, int[] dims, float[] values, int offset);
  }

  private final Graph graph;
  private final Store store;
  private final float[] values;
  private final float[] stateValues;
  private final Map<String, ParamSpec> unused = new LinkedHashMap<>();
  private final Map<String, StateSpec> unusedState = new LinkedHashMap<>();

  Parameters(Graph graph, NetworkSpec spec, float[] values, NetworkState state, Store store) {
    if (values.length != spec.parameterCount()) {
      throw new IllegalArgumentException(spec.name() + " has " + spec.parameterCount() + " parameters but "
          + values.length + " values were given to export");
    }
    state.requireFits(spec);
    this.graph = graph;
    this.store = store;
    this.values = values;
    this.stateValues = state.values();
    for (ParamSpec p : spec.parameters()) {
      unused.put(p.name(), p);
    }
    for (StateSpec s : spec.state()) {
      if (!s.kind().isCounter()) {
        unusedState.put(s.name(), s);
      }
    }
  }

  /** The initializer {@code <layer>.weight}, which must have {@code shape}. */
  String weight(LayerSpec layer, int... shape) {
    return take(layer.tensors() + ".weight", shape);
  }

  /** The initializer {@code <layer>.bias} of {@code out} values. */
  String bias(LayerSpec layer, int out) {
    return take(layer.tensors() + ".bias", out);
  }

  /** The initializer {@code <prefix>.weight} of {@code channels} values: a BatchNorm's scale. */
  String weight(String prefix, int channels) {
    return take(prefix + ".weight", channels);
  }

  /** The initializer {@code <prefix>.bias} of {@code channels} values: a BatchNorm's shift. */
  String bias(String prefix, int channels) {
    return take(prefix + ".bias", channels);
  }

  /** The state tensor {@code name} ({@code bn1.running_mean}) of {@code channels} values, as an initializer. */
  String state(String name, int channels) {
    StateSpec s = unusedState.remove(name);
    if (s == null) {
      throw new IllegalStateException("the network's spec lists no unexported running statistic " + name);
    }
    if (!Arrays.equals(s.shape(), new int[] {channels})) {
      throw new IllegalStateException(name + " is " + Arrays.toString(s.shape()) + " in the spec, but its layer needs ["
          + channels + "]");
    }
    return graph.initializer(store.tensor(name, s.shape(), stateValues, Math.toIntExact(s.offset())));
  }

  private String take(String name, int... shape) {
    ParamSpec p = unused.remove(name);
    if (p == null) {
      throw new IllegalStateException("the network's spec lists no unexported parameter " + name);
    }
    if (!Arrays.equals(p.shape(), shape)) {
      throw new IllegalStateException(name + " is " + Arrays.toString(p.shape()) + " in the spec, but its layer needs "
          + Arrays.toString(shape));
    }
    return graph.initializer(store.tensor(name, shape, values, Math.toIntExact(p.offset())));
  }

  /** Fails if a parameter of the spec has no place in the graph: the file would compute something else. */
  void checkAllExported() {
    if (!unused.isEmpty() || !unusedState.isEmpty()) {
      List<String> names = new ArrayList<>(unused.keySet());
      names.addAll(unusedState.keySet());
      throw new IllegalStateException("no layer of the graph uses " + names);
    }
  }
}
