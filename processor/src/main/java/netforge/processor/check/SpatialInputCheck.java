package netforge.processor.check;

import java.util.ArrayList;
import java.util.List;
import netforge.processor.diag.Diagnostic;
import netforge.processor.diag.Message;
import netforge.processor.diag.Message.Hint;
import netforge.processor.diag.Report;
import netforge.processor.diag.ShapeTrace;
import netforge.processor.diag.Site;
import netforge.processor.model.InferredNetwork;
import netforge.processor.model.InferredOp;
import netforge.processor.model.ShapeRules;

/** Convolutions, pooling and LRN slide over {@code [c, h, w]}; after a flatten or dense layer there is none. */
final class SpatialInputCheck implements NetworkCheck {
  @Override
  public void check(InferredNetwork network, Report report) {
    for (InferredOp step : network.ops()) {
      if (ShapeRules.needsSpatialInput(step.op()) && step.in().isFlat()
          && ShapeRules.hyperparametersValid(step.op())) {
        String layer = network.layers().get(step.layer()).name();
        List<String> details = new ArrayList<>(ShapeTrace.into(network, step.layer(), false));
        details.add(Hint.MOVE_BEFORE_FLATTEN.format());
        Message m = Message.NEEDS_SPATIAL_INPUT;
        report.add(new Diagnostic(m, Site.annotation(step.layer(), step.index()),
            m.format(layer, "@" + step.op().annotation(), step.in()), details));
      }
    }
  }
}
