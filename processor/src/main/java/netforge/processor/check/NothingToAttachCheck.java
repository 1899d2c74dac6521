package netforge.processor.check;

import java.util.List;
import netforge.processor.diag.Diagnostic;
import netforge.processor.diag.Message;
import netforge.processor.diag.Report;
import netforge.processor.diag.Site;
import netforge.processor.model.InferredNetwork;
import netforge.processor.model.InferredOp;
import netforge.processor.model.Op;

/**
 * ReLU and dropout fuse into the kernel of the layer before them, so one that comes before every layer has
 * nothing to attach to.
 */
final class NothingToAttachCheck implements NetworkCheck {
  @Override
  public void check(InferredNetwork network, Report report) {
    for (InferredOp step : network.ops()) {
      if (!step.op().isElementwise()) {
        if (step.op() instanceof Op.Flatten) {
          continue; // a flatten of the input moves no data; keep looking for the first real layer
        }
        return;
      }
      var field = network.layers().get(step.layer());
      String annotation = "@" + step.op().annotation();
      String laterLayer = field.layer().ops().stream().skip(step.index() + 1L)
          .filter(op -> !op.isElementwise() && !(op instanceof Op.Flatten))
          .map(op -> "@" + op.annotation()).findFirst().orElse(null);
      String fix = laterLayer != null
          ? "fix: write " + annotation + " after " + laterLayer + " (annotations apply in the order written),"
              + " or remove it"
          : "fix: remove it, or move it to a field after the first layer";
      Message m = Message.NOTHING_TO_ATTACH;
      report.add(new Diagnostic(m, Site.annotation(step.layer(), step.index()),
          m.format(field.name(), step.op().annotation()),
          List.of("ReLU and dropout apply to the output of a layer, and no layer comes before this one", fix)));
    }
  }
}
