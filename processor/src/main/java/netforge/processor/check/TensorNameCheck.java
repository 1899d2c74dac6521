package netforge.processor.check;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import netforge.processor.diag.Diagnostic;
import netforge.processor.diag.Message;
import netforge.processor.diag.Message.Hint;
import netforge.processor.diag.Report;
import netforge.processor.diag.Site;
import netforge.processor.model.InferredLayer;
import netforge.processor.model.InferredNetwork;
import netforge.processor.model.InferredOp;
import netforge.processor.model.Op;
import netforge.processor.model.TensorNames;

/**
 * A name given to a layer's tensors (a BatchNorm's, a convolution's or dense layer's {@code name}) prefixes their
 * names in weights files, so it must look like one ({@code layer1.0.bn1}), and no two layers may share a prefix: their
 * tensors would overwrite each other in a state dict. Reported on the {@code name} of the later layer.
 */
final class TensorNameCheck implements NetworkCheck {
  @Override
  public void check(InferredNetwork network, Report report) {
    Map<String, String> owners = new HashMap<>();
    for (InferredLayer layer : network.layers()) {
      for (InferredOp step : layer.ops()) {
        if (!(step.op() instanceof Op.Conv || step.op() instanceof Op.Dense)) {
          continue;
        }
        String name = layer.layer().tensors();
        if (!name.equals(layer.name()) && !TensorNames.isValid(name)) {
          Message m = Message.TENSOR_NAME;
          report.add(new Diagnostic(m, Site.annotation(step.layer(), step.index(), "name"),
              m.format(layer.name(), step.op().annotation(), name, "is not a tensor name"),
              List.of(Hint.TENSOR_NAME_FORM.format())));
          continue;
        }
        String owner = owners.putIfAbsent(name, layer.name());
        if (owner != null && !owner.equals(layer.name())) {
          Message m = Message.TENSOR_NAME;
          report.add(new Diagnostic(m, Site.annotation(step.layer(), step.index(), "name"),
              m.format(layer.name(), step.op().annotation(), name, "names its tensors as the layer " + owner
                  + " names its own (" + name + ".weight, ...)"), List.of(Hint.RENAME_TENSORS.format())));
        }
      }
    }
    for (InferredLayer layer : network.layers()) {
      for (InferredOp step : layer.ops()) {
        if (!(step.op() instanceof Op.BatchNorm bn)) {
          continue;
        }
        String name = bn.name();
        // a name derived from the field is a Java identifier, which only an explicit name can fail to be
        boolean derived = name.equals(layer.name()) || name.equals(layer.name() + TensorNames.BESIDE_SUFFIX);
        if (!derived && !TensorNames.isValid(name)) {
          add(report, step, layer.name(), name, "is not a tensor name", Hint.TENSOR_NAME_FORM.format());
          continue;
        }
        String owner = owners.putIfAbsent(name, layer.name());
        if (owner != null) {
          add(report, step, layer.name(), name, "names its tensors as the layer " + owner + " names its own ("
              + name + ".weight, ...)", Hint.RENAME_BATCH_NORM.format());
        }
      }
    }
  }

  private static void add(Report report, InferredOp step, String layer, String name, String problem, String fix) {
    Message m = Message.BATCH_NORM_NAME;
    report.add(new Diagnostic(m, Site.annotation(step.layer(), step.index(), "name"), m.format(layer, name, problem),
        List.of(fix)));
  }
}
