package netforge.processor.check;

import java.util.List;
import netforge.processor.diag.Diagnostic;
import netforge.processor.diag.Message;
import netforge.processor.diag.Message.Hint;
import netforge.processor.diag.Report;
import netforge.processor.diag.Site;
import netforge.processor.model.InferredNetwork;
import netforge.processor.model.NetworkModel;
import netforge.processor.model.ShapeRules;

/** {@code @Input} dimensions and {@code classes} are at least 1, and one input image fits a tensor. */
final class InputCheck implements NetworkCheck {
  @Override
  public void check(InferredNetwork network, Report report) {
    NetworkModel m = network.model();
    boolean dimensionsOk =
        require(report, m, "input.channels", "@Input(channels = " + m.channels() + ")", m.channels());
    dimensionsOk &= require(report, m, "input.height", "@Input(height = " + m.height() + ")", m.height());
    dimensionsOk &= require(report, m, "input.width", "@Input(width = " + m.width() + ")", m.width());
    require(report, m, "classes", "@Network(classes = " + m.classes() + ")", m.classes());
    if (dimensionsOk && m.inputElements() > ShapeRules.MAX_ELEMENTS) {
      Message t = Message.TOO_LARGE;
      report.add(new Diagnostic(t, Site.network("input"),
          t.format(m.name(), "one input image [" + m.channels() + ", " + m.height() + ", " + m.width() + "]",
              m.inputElements(), ShapeRules.MAX_ELEMENTS),
          List.of(Hint.DOWNSCALE_INPUT.format())));
    }
  }

  private static boolean require(Report report, NetworkModel m, String attribute, String text, int value) {
    if (value < 1) {
      String fix = attribute.equals("classes") ? Hint.CLASSES_AT_LEAST_1.format()
          : Hint.INPUT_AT_LEAST_1.format(attribute.substring("input.".length()));
      report.add(new Diagnostic(Message.NON_POSITIVE_PARAMETER, Site.network(attribute),
          Message.NON_POSITIVE_PARAMETER.format(m.name(), text, 1), List.of(fix)));
      return false;
    }
    return true;
  }
}
