package netforge.processor.diag;

import java.util.ArrayList;
import java.util.List;
import netforge.processor.model.InferredLayer;
import netforge.processor.model.InferredNetwork;
import netforge.processor.model.Shape;

/**
 * The "input shape flows from:" lines of a message: the layers that led to the offending one, each with its
 * annotations, its output shape and its line, in aligned columns; at most {@value #MAX_ENTRIES} entries.
 */
public final class ShapeTrace {
  static final int MAX_ENTRIES = 10;

  private ShapeTrace() {}

  /** The trace into layer {@code layer}; {@code flattened} adds the implicit flatten a dense layer does. */
  public static List<String> into(InferredNetwork network, int layer, boolean flattened) {
    List<String[]> rows = new ArrayList<>();
    var model = network.model();
    rows.add(new String[] {"input", "@Input(channels = " + model.channels() + ", height = " + model.height()
        + ", width = " + model.width() + ")", model.input().toString(), ""});
    for (int i = 0; i < layer && i < network.layers().size(); i++) {
      InferredLayer l = network.layers().get(i);
      String line = l.layer().line() > 0 ? "(line " + l.layer().line() + ")" : "";
      rows.add(new String[] {l.name(), l.layer().description(), l.out().toString(), line});
    }
    Shape last = layer == 0 ? model.input() : network.layers().get(layer - 1).out();
    if (flattened && last.isSpatial()) {
      rows.add(new String[] {"(flatten)", "", last.flattened().toString(), ""});
    }
    List<String> lines = new ArrayList<>();
    lines.add(Message.Hint.SHAPE_TRACE_HEADING.format());
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
