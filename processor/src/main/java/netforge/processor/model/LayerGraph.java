package netforge.processor.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which layers each layer of a network reads: the network as a DAG. A field reads the field above it (the first
 * field reads the network's input), unless its first step names its sources ({@code @From}, {@code @Add},
 * {@code @Concat}), by layer name or, for a block's output, by the name of the field that uses it. A source must be declared above its reader, so source order is always a topological order
 * and a cycle cannot be written without naming a later layer; a name that is unknown or not above its reader
 * leaves that reader unresolved, for {@code GraphCheck} to report and shape inference to skip.
 */
public final class LayerGraph {
  /** The index standing for the network's input among a layer's sources. */
  public static final int NETWORK_INPUT = -1;

  private final List<String> names;
  private final Map<String, Integer> index = new HashMap<>();
  private final List<List<Integer>> sources = new ArrayList<>();
  private final List<List<Integer>> readers = new ArrayList<>();

  private LayerGraph(List<LayerModel> layers) {
    names = layers.stream().map(LayerModel::name).toList();
    for (int i = 0; i < layers.size(); i++) {
      index.putIfAbsent(layers.get(i).name(), i);
      readers.add(new ArrayList<>());
    }
    for (int i = 0; i < layers.size(); i++) {
      String field = layers.get(i).field();
      if (field != null) {
        index.putIfAbsent(field, i); // a block's use stands for its last layer
      }
    }
    for (int i = 0; i < layers.size(); i++) {
      List<String> named = namedSources(layers.get(i));
      List<Integer> resolved = new ArrayList<>();
      if (named.isEmpty()) {
        resolved.add(i - 1); // the field above; for the first field, NETWORK_INPUT
      }
      for (String name : named) {
        Integer source = index.get(name);
        if (source == null || source >= i) {
          resolved = null;
          break;
        }
        resolved.add(source);
      }
      sources.add(resolved);
      if (resolved != null) {
        for (int source : resolved) {
          if (source != NETWORK_INPUT && !readers.get(source).contains(i)) {
            readers.get(source).add(i);
          }
        }
      }
    }
  }

  /** The layer a source name names: a layer's own name, or the field of a block's use; -1 when none. */
  public int indexOf(String name) {
    return index.getOrDefault(name, -1);
  }

  public static LayerGraph of(List<LayerModel> layers) {
    return new LayerGraph(layers);
  }

  /** The names a field's first step gives as its sources; empty when it reads the field above. */
  public static List<String> namedSources(LayerModel layer) {
    return layer.ops().isEmpty() ? List.of() : layer.ops().get(0).sources();
  }

  /** Whether every name the layer gives is a layer above it. */
  public boolean isResolved(int layer) {
    return sources.get(layer) != null;
  }

  /**
   * The layers {@code layer} reads, in the order written ({@link #NETWORK_INPUT} for the input), repeats kept:
   * {@code @Add({"x", "x"})} reads {@code x} twice. Empty when unresolved.
   */
  public List<Integer> sources(int layer) {
    List<Integer> s = sources.get(layer);
    return s == null ? List.of() : List.copyOf(s);
  }

  /** The layers that read {@code layer}'s output, in source order, each once. */
  public List<Integer> readers(int layer) {
    return List.copyOf(readers.get(layer));
  }

  /**
   * Whether {@code layer} reads nothing but the field just above it, and is that field's only reader: then an
   * element-wise step written at its start can run in the kernel of that field, as it does in a chain.
   */
  public boolean continuesAbove(int layer) {
    List<Integer> s = sources.get(layer);
    return s != null && s.size() == 1 && s.get(0) == layer - 1 && layer > 0
        && readers.get(layer - 1).equals(List.of(layer));
  }

  /** The layer whose output is the network's: the last field. */
  public int output() {
    return names.size() - 1;
  }

  /** Every layer {@code layer}'s output depends on, in source order, itself excluded. */
  public Set<Integer> ancestors(int layer) {
    Set<Integer> found = new TreeSet<>();
    List<Integer> pending = new ArrayList<>(sources(layer));
    while (!pending.isEmpty()) {
      int source = pending.remove(pending.size() - 1);
      if (source != NETWORK_INPUT && found.add(source)) {
        pending.addAll(sources(source));
      }
    }
    return found;
  }
}
