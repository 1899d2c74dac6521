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
 * A BatchNorm's name prefixes its tensors' names in weights files, so it must look like one
 * ({@code layer1.0.bn1}), and no two layers may share a prefix: their tensors would overwrite each other in a
 * state dict. Reported on the BatchNorm's {@code name}: a convolution or dense layer keeps its field's name, and of
 * two BatchNorms the first keeps it.
 */
final class TensorNameCheck implements NetworkCheck {
  @Override
  public void check(InferredNetwork network, Report report) {
    Map<String, String> owners = new HashMap<>();
    for (InferredLayer layer : network.layers()) {
      for (InferredOp step : layer.ops()) {
        if (step.op() instanceof Op.Conv || step.op() instanceof Op.Dense) {
          owners.putIfAbsent(layer.name(), layer.name());
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
