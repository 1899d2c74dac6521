package netforge.processor.check;

import java.util.List;
import java.util.stream.Collectors;
import netforge.processor.diag.Diagnostic;
import netforge.processor.diag.Message;
import netforge.processor.diag.Message.Hint;
import netforge.processor.diag.Report;
import netforge.processor.diag.Site;
import netforge.processor.model.InferredLayer;
import netforge.processor.model.InferredNetwork;
import netforge.processor.model.LayerModel;
import netforge.processor.model.Op;

/**
 * Every name in {@code @From}, {@code @Add} and {@code @Concat} is a layer field declared above its reader: an
 * unknown name (with the closest one), the field itself, or a later field (which would make a cycle) is an error
 * on that name; a join needs two names.
 */
final class SourceCheck implements NetworkCheck {
  /** How many layer names a "name one of these" fix lists before it stops. */
  private static final int LISTED_NAMES = 8;

  @Override
  public void check(InferredNetwork network, Report report) {
    List<String> names = network.layers().stream().map(InferredLayer::name).toList();
    for (InferredLayer layer : network.layers()) {
      LayerModel field = layer.layer();
      if (field.ops().isEmpty() || !field.ops().get(0).isSource()) {
        continue;
      }
      Op source = field.ops().get(0);
      List<String> named = source.sources();
      if (source instanceof Op.Join && named.size() < 2) {
        String example = named.isEmpty() ? "a" : named.get(0);
        report.add(new Diagnostic(Message.JOIN_ARITY, Site.annotation(layer.index(), 0, "value"),
            Message.JOIN_ARITY.format(layer.name(), source.annotation(), named.size()),
            List.of(Hint.JOIN_TWO.format(source instanceof Op.Add ? "add" : "concatenate", source.annotation(),
                example))));
        continue;
      }
      for (int e = 0; e < named.size(); e++) {
        String name = named.get(e);
        // javac places a message on an array value, not on one of its elements: the caret marks the names' "{"
        Site site = Site.annotation(layer.index(), 0, "value");
        int target = network.graph().indexOf(name);
        if (target == layer.index()) {
          report.add(new Diagnostic(Message.SELF_SOURCE, site,
              Message.SELF_SOURCE.format(layer.name(), source.annotation()), List.of(Hint.NAME_OTHER_LAYER.format())));
        } else if (target > layer.index()) {
          report.add(new Diagnostic(Message.LATER_LAYER, site,
              Message.LATER_LAYER.format(layer.name(), source.annotation(), name),
              List.of(Hint.MOVE_ABOVE.format(name, layer.name()))));
        } else if (target < 0) {
          List<String> above = names.subList(0, layer.index());
          report.add(new Diagnostic(Message.UNKNOWN_LAYER, site,
              Message.UNKNOWN_LAYER.format(layer.name(), source.annotation(), name, network.name()),
              List.of(unknownFix(name, above, source))));
        }
      }
    }
  }

  private static String unknownFix(String name, List<String> above, Op source) {
    if (above.isEmpty()) {
      return Hint.FIRST_FIELD_READS_INPUT.format(source.annotation());
    }
    return LayerNames.closest(name, above).map(Hint.DID_YOU_MEAN::format).orElseGet(() -> {
      String listed = above.stream().limit(LISTED_NAMES).collect(Collectors.joining(", "));
      return Hint.NAME_LAYER_ABOVE.format(above.size() > LISTED_NAMES ? listed + ", ..." : listed);
    });
  }
}
