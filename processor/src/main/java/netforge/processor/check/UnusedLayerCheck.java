package netforge.processor.check;

import java.util.List;
import netforge.processor.diag.Diagnostic;
import netforge.processor.diag.Message;
import netforge.processor.diag.Message.Hint;
import netforge.processor.diag.Report;
import netforge.processor.diag.Site;
import netforge.processor.model.InferredLayer;
import netforge.processor.model.InferredNetwork;
import netforge.processor.model.LayerGraph;

/**
 * A warning for a layer whose output nothing reads: only the last layer's output leaves the network, so such a layer
 * is computed for nothing, which is most often a branch the user forgot to join. Silent while a source name is
 * unresolved: the layer may be the one that name meant.
 */
final class UnusedLayerCheck implements NetworkCheck {
  @Override
  public void check(InferredNetwork network, Report report) {
    LayerGraph graph = network.graph();
    for (InferredLayer layer : network.layers()) {
      if (!graph.isResolved(layer.index())) {
        return;
      }
    }
    for (InferredLayer layer : network.layers()) {
      if (layer.index() != graph.output() && graph.readers(layer.index()).isEmpty()) {
        report.add(new Diagnostic(Message.UNUSED_LAYER, Site.field(layer.index()),
            Message.UNUSED_LAYER.format(layer.name()), List.of(Hint.REMOVE_UNUSED.format(layer.name()))));
      }
    }
  }
}
