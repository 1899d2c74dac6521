package netforge.processor.diag;

import java.util.ArrayList;
import java.util.List;
import netforge.processor.model.InferredLayer;
import java.util.Set;
import java.util.TreeSet;
import netforge.processor.model.InferredNetwork;
import netforge.processor.model.LayerGraph;
import netforge.processor.model.Shape;

/**
 * The "input shape flows from:" lines of a message: the layers that led to the offending one (its ancestors in the
 * {@link LayerGraph}), each with its annotations, its output shape and its line, in aligned columns; at most
 * {@value #MAX_ENTRIES} entries.
 */
public final class ShapeTrace {
  static final int MAX_ENTRIES = 10;

  private ShapeTrace() {}

  /**
   * The trace into layer {@code layer}: the input and every layer its input depends on, in source order (in a chain,
   * every layer above it); {@code flattened} adds the implicit flatten a dense layer does. {@code layer} may be the
   * number of layers: the trace into the network's output.
   */
  public static List<String> into(InferredNetwork network, int layer, boolean flattened) {
    Set<Integer> layers;
    Shape last;
    if (network.layers().isEmpty()) {
      layers = Set.of();
      last = network.model().input();
    } else if (layer >= network.layers().size()) {
      int output = network.graph().output();
      layers = new TreeSet<>(network.graph().ancestors(output));
      layers.add(output);
      last = network.outputOf(output);
    } else {
      layers = network.graph().ancestors(layer);
      List<Integer> sources = network.graph().sources(layer);
      last = sources.isEmpty() ? network.model().input() : network.outputOf(sources.get(0));
    }
    List<String[]> rows = rows(network, layers);
    if (flattened && last.isSpatial()) {
      rows.add(new String[] {"(flatten)", "", last.flattened().toString(), ""});
    }
    return lines(Message.Hint.SHAPE_TRACE_HEADING.format(), rows);
  }

  /**
   * The trace of one branch a join reads: every layer {@code source}'s output depends on, and {@code source}
   * itself, under the heading {@code "source" branch:}.
   */
  public static List<String> branch(InferredNetwork network, int source) {
    Set<Integer> layers = new TreeSet<>(network.graph().ancestors(source));
    String heading = Message.Hint.INPUT_TRACE_HEADING.format();
    if (source != LayerGraph.NETWORK_INPUT) {
      layers.add(source);
      heading = Message.Hint.BRANCH_TRACE_HEADING.format(network.layers().get(source).name());
    }
    return lines(heading, rows(network, layers));
  }

  private static List<String[]> rows(InferredNetwork network, Set<Integer> layers) {
    List<String[]> rows = new ArrayList<>();
    var model = network.model();
    rows.add(new String[] {"input", "@Input(channels = " + model.channels() + ", height = " + model.height()
        + ", width = " + model.width() + ")", model.input().toString(), ""});
    for (int i : layers) {
      InferredLayer l = network.layers().get(i);
      String line = l.layer().line() > 0 ? "(line " + l.layer().line() + ")" : "";
      rows.add(new String[] {l.name(), l.layer().description(), l.out().toString(), line});
    }
    return rows;
  }

  private static List<String> lines(String heading, List<String[]> rows) {
    List<String> lines = new ArrayList<>();
    lines.add(heading);
    int skipped = Math.max(0, rows.size() - MAX_ENTRIES);
    if (skipped > 0) {
      lines.add("  ... " + skipped + " earlier " + (skipped == 1 ? "entry" : "entries"));
    }
    List<String[]> shown = rows.subList(skipped, rows.size());
    int nameWidth = shown.stream().mapToInt(r -> r[0].length()).max().orElse(0);
    int descriptionWidth = shown.stream().mapToInt(r -> r[1].length()).max().orElse(0);
    int shapeWidth = shown.stream().mapToInt(r -> r[2].length()).max().orElse(0);
    for (String[] r : shown) {
      String text = String.format("  %-" + nameWidth + "s  %-" + descriptionWidth + "s  -> %-" + shapeWidth + "s  %s",
          r[0], r[1], r[2], r[3]);
      lines.add(text.stripTrailing());
    }
    return lines;
  }
}
