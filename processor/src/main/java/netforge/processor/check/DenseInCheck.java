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
import netforge.processor.model.Op;
import netforge.processor.model.ShapeRules;

/** {@code @Dense(in = ...)}, when given, equals the flattened input. */
final class DenseInCheck implements NetworkCheck {
  @Override
  public void check(InferredNetwork network, Report report) {
    for (InferredOp step : network.ops()) {
      if (!(step.op() instanceof Op.Dense d) || d.in() <= 0 || step.in().isError()) {
        continue;
      }
      long actual = ShapeRules.denseInputs(step.in());
      if (actual == d.in()) {
        continue;
      }
      String layer = network.layers().get(step.layer()).name();
      List<String> details = new ArrayList<>(ShapeTrace.into(network, step.layer(), step.in().isSpatial()));
      details.add(Hint.DENSE_IN.format(actual));
      Message m = Message.SHAPE_MISMATCH;
      report.add(new Diagnostic(m, Site.annotation(step.layer(), step.index(), "in"),
          m.format(layer, d.in(), actual), details));
    }
  }
}
