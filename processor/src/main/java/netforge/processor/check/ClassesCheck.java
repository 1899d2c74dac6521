package netforge.processor.check;

import java.util.ArrayList;
import java.util.List;
import netforge.processor.diag.Diagnostic;
import netforge.processor.diag.Message;
import netforge.processor.diag.Report;
import netforge.processor.diag.ShapeTrace;
import netforge.processor.diag.Site;
import netforge.processor.model.InferredLayer;
import netforge.processor.model.InferredNetwork;
import netforge.processor.model.InferredOp;
import netforge.processor.model.Op;
import netforge.processor.model.Shape;

/** The network ends with a vector of exactly {@code classes} scores, the input of the loss. */
final class ClassesCheck implements NetworkCheck {
  @Override
  public void check(InferredNetwork network, Report report) {
    int classes = network.model().classes();
    Shape out = network.output();
    if (network.layers().isEmpty() || out.isError() || classes < 1 || (out.isFlat() && out.size() == classes)) {
      return;
    }
    InferredLayer last = network.layers().get(network.layers().size() - 1);
    InferredOp lastDense = null;
    for (InferredOp step : last.ops()) {
      if (step.op() instanceof Op.Dense) {
        lastDense = step;
      }
    }
    Site site;
    String fix;
    if (lastDense != null) {
      site = Site.annotation(lastDense.layer(), lastDense.index(), "out");
      fix = "fix: write @Dense(out = " + classes + ") here, or @Network(classes = " + out.size() + ")";
    } else {
      site = Site.network("classes");
      fix = "fix: end the network with @Dense(out = " + classes + ") Layer classifier;";
    }
    List<String> details = new ArrayList<>(ShapeTrace.into(network, network.layers().size(), false));
    details.add(fix);
    Message m = Message.CLASSES_MISMATCH;
    report.add(new Diagnostic(m, site, m.format(last.name(), out, classes, classes), details));
  }
}
