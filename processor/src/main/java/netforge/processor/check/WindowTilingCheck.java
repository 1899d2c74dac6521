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
 * A warning when a window never reads some input rows or columns: those after the last window, when the stride
 * does not tile the padded input (PyTorch floors the output size too: often harmless, as AlexNet's k = 11, s = 4
 * on 224x224, sometimes a wrong size), and those between windows when the stride exceeds the window. A 1x1
 * convolution without padding is exempt: with a stride it subsamples by design, as ResNet's projection shortcut does.
 */
final class WindowTilingCheck implements NetworkCheck {
  @Override
  public void check(InferredNetwork network, Report report) {
    for (InferredOp step : network.ops()) {
      if (step.out().isError() || !step.in().isSpatial()) {
        continue;
      }
      if (step.op() instanceof Op.Conv c && c.kernelHeight() == 1 && c.kernelWidth() == 1 && c.padHeight() == 0
          && c.padWidth() == 0) {
        continue; // a strided 1x1 convolution subsamples on purpose: ResNet's projection shortcut
      } else if (step.op() instanceof Op.Conv c) {
        warn(network, report, step, c.kernelHeight(), c.kernelWidth(), c.stride(), c.padHeight(), c.padWidth(),
            c.k() != 0 ? new String[] {"k", "s"} : new String[] {"kh", "kw", "s"});
      } else if (step.op() instanceof Op.Pool p) {
        warn(network, report, step, p.k(), p.k(), p.effectiveStride(), p.padHeight(), p.padWidth(),
            p.stride() == 0 ? new String[] {"k"} : new String[] {"k", "s"});
      }
    }
  }

  private static void warn(InferredNetwork network, Report report, InferredOp step, int kh, int kw, int s, int ph,
      int pw, String[] shownAttributes) {
    int h = step.in().height();
    int w = step.in().width();
    long rows = ShapeRules.unreadByWindow(h, kh, s, ph);
    long columns = ShapeRules.unreadByWindow(w, kw, s, pw);
    if (rows == 0 && columns == 0) {
      return;
    }
    boolean gaps = s > Math.min(kh, kw);
    List<String> parts = new ArrayList<>();
    if (rows > 0) {
      parts.add(plural(rows, "row"));
    }
    if (columns > 0) {
      parts.add(plural(columns, "column"));
    }
    String what = gaps
        ? String.join(" and ", parts) + " (each window skips the " + (s - Math.min(kh, kw)) + " after it)"
        : "its last " + String.join(" and ", parts) + " (PyTorch floors the output size too)";
    String layer = network.layers().get(step.layer()).name();
    List<String> details = new ArrayList<>(ShapeTrace.into(network, step.layer(), false));
    if (gaps) {
      details.add(Hint.STRIDE_WITHIN_WINDOW.format(Math.min(kh, kw)));
    } else {
      details.add(Hint.TILE_INPUT.format(h - rows, w - columns, h - rows + (rows > 0 ? (long) s : 0),
          w - columns + (columns > 0 ? (long) s : 0)));
    }
    Message m = Message.WINDOW_DROPS_INPUT;
    String attribute = step.op() instanceof Op.Pool pool && pool.stride() == 0 ? "k" : "s";
    report.add(new Diagnostic(m, Site.annotation(step.layer(), step.index(), attribute),
        m.format(layer, AnnotationText.of(step.op(), shownAttributes), AnnotationText.withArticle(h, w), what),
        details));
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
