package netforge.processor.check;

import java.util.List;
import netforge.processor.diag.Diagnostic;
import netforge.processor.diag.Message;
import netforge.processor.diag.Message.Hint;
import netforge.processor.diag.Report;
import netforge.processor.diag.Site;
import netforge.processor.model.InferredNetwork;
import netforge.processor.model.InferredOp;
import netforge.processor.model.Op;

/**
 * Activations (ReLU, LeakyReLU, Tanh, Sigmoid, GELU, SiLU) and dropout fuse into the kernel of the layer before
 * them, so one that comes before every layer has nothing to attach to.
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
          ? Hint.WRITE_AFTER_LAYER.format(annotation, laterLayer)
          : Hint.REMOVE_OR_MOVE_DOWN.format();
      Message m = Message.NOTHING_TO_ATTACH;
      report.add(new Diagnostic(m, Site.annotation(step.layer(), step.index()),
          m.format(field.name(), step.op().annotation()),
          List.of(Hint.NOTHING_BEFORE.format(), fix)));
    }
  }
}
