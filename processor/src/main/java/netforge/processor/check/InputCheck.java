package netforge.processor.check;

import netforge.processor.diag.Message;
import netforge.processor.diag.Report;
import netforge.processor.diag.Site;
import netforge.processor.model.InferredNetwork;
import netforge.processor.model.NetworkModel;

/** {@code @Input} dimensions and {@code classes} are at least 1. */
final class InputCheck implements NetworkCheck {
  @Override
  public void check(InferredNetwork network, Report report) {
    NetworkModel m = network.model();
    require(report, m, "input.channels", "@Input(channels = " + m.channels() + ")", m.channels());
    require(report, m, "input.height", "@Input(height = " + m.height() + ")", m.height());
    require(report, m, "input.width", "@Input(width = " + m.width() + ")", m.width());
    require(report, m, "classes", "@Network(classes = " + m.classes() + ")", m.classes());
  }

  private static void require(Report report, NetworkModel m, String attribute, String text, int value) {
    if (value < 1) {
      report.add(Message.NON_POSITIVE_PARAMETER, Site.network(attribute), m.name(), text, 1);
    }
  }
}
