package netforge.processor.check;

import java.util.List;
import netforge.processor.diag.Diagnostic;
import netforge.processor.diag.Message;
import netforge.processor.diag.Message.Hint;
import netforge.processor.diag.Report;
import netforge.processor.diag.Site;
import netforge.processor.model.InferredNetwork;

/** A network has at least one layer field. */
final class NoLayersCheck implements NetworkCheck {
  @Override
  public void check(InferredNetwork network, Report report) {
    if (network.model().layers().isEmpty()) {
      report.add(new Diagnostic(Message.NO_LAYERS, Site.network(), Message.NO_LAYERS.format(network.name()),
          List.of(Hint.DECLARE_LAYERS.format(Math.max(1, network.model().classes())))));
    }
  }
}
