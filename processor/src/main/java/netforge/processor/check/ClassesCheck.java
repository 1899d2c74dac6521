package netforge.processor.check;

import java.util.ArrayList;
import java.util.List;
import netforge.processor.diag.Diagnostic;
import netforge.processor.diag.Message;
import netforge.processor.diag.Message.Hint;
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
    // The step that set the output's size: activations, dropout, a flatten and a batch normalisation after it keep
    // that size.
    InferredOp sizer = null;
    List<InferredOp> steps = network.ops();
    for (int i = steps.size() - 1; i >= 0 && sizer == null; i--) {
      Op op = steps.get(i).op();
      if (!op.isElementwise() && !(op instanceof Op.Flatten) && !(op instanceof Op.BatchNorm)) {
        sizer = steps.get(i);
      }
    }
    Site site;
    String fix;
    String subject = last.name();
    if (sizer != null && sizer.op() instanceof Op.Dense) {
      site = Site.annotation(sizer.layer(), sizer.index(), "out");
      subject = network.layers().get(sizer.layer()).name();
      fix = Hint.CLASSES_DENSE_OUT.format(classes, out.size());
    } else if (out.isSpatial() && out.size() == classes) {
      // A global pool (or a 1x1 convolution to `classes` channels) already gives one value per class: the
      // scores are there, only still in a [c, 1, 1] image.
      site = Site.network("classes");
      fix = Hint.CLASSES_FLATTEN.format(out, classes);
    } else {
      site = Site.network("classes");
      fix = Hint.CLASSES_CLASSIFIER.format(classes);
    }
    List<String> details = new ArrayList<>(ShapeTrace.into(network, network.layers().size(), false));
    details.add(fix);
    Message m = Message.CLASSES_MISMATCH;
    report.add(new Diagnostic(m, site, m.format(subject, out, classes, classes), details));
  }
}
