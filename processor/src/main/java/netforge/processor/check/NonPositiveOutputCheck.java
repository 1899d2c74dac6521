package netforge.processor.check;

import java.util.ArrayList;
import java.util.List;
import netforge.processor.diag.AnnotationText;
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

/**
 * A window larger than its padded input leaves no output: {@code floor((in + 2p - k) / s) + 1 <= 0} on either axis,
 * each with its own padding.
 */
final class NonPositiveOutputCheck implements NetworkCheck {

  @Override
  public void check(InferredNetwork network, Report report) {
    for (InferredOp step : network.ops()) {
      if (!step.in().isSpatial() || !ShapeRules.hyperparametersValid(step.op())) {
        continue;
      }
      if (step.op() instanceof Op.Conv c) {
        check(network, report, step, c.kernelHeight(), c.kernelWidth(), c.stride(), c.padHeight(), c.padWidth(),
            c.k() != 0 ? "k" : null);
      } else if (step.op() instanceof Op.Pool p) {
        check(network, report, step, p.k(), p.k(), p.effectiveStride(), p.padHeight(), p.padWidth(), "k");
      }
    }
  }

  private static void check(InferredNetwork network, Report report, InferredOp step, int kh, int kw, int s, int ph,
      int pw, String squareAttribute) {
    int h = step.in().height();
    int w = step.in().width();
    long oh = ShapeRules.windowOutput(h, kh, s, ph);
    long ow = ShapeRules.windowOutput(w, kw, s, pw);
    if (oh >= 1 && ow >= 1) {
      return;
    }
    String attribute = squareAttribute != null ? squareAttribute : (oh < 1 ? "kh" : "kw");
    List<String> shownAttributes = new ArrayList<>(List.of(attribute));
    shownAttributes.addAll(AnnotationText.paddingAttributes(step.op()));
    String shown = AnnotationText.of(step.op(), shownAttributes.toArray(String[]::new));
    String layer = network.layers().get(step.layer()).name();
    List<String> details = new ArrayList<>(ShapeTrace.into(network, step.layer(), false));
    boolean heightFails = oh < 1;
    int in = heightFails ? h : w;
    int k = heightFails ? kh : kw;
    int p = heightFails ? ph : pw;
    details.add(Hint.WINDOW_RULE.format(in, 2L * p, k, s, heightFails ? oh : ow));
    long largestKernel = in + 2L * p;
    details.add(Hint.SMALLER_WINDOW.format(largestKernel, attribute, largestKernel));
    Message m = Message.NON_POSITIVE_OUTPUT;
    report.add(new Diagnostic(m, Site.annotation(step.layer(), step.index(), attribute),
        m.format(layer, shown, AnnotationText.withArticle(h, w), oh + "x" + ow), details));
  }
}
