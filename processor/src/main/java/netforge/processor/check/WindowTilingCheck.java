package netforge.processor.check;

import java.util.ArrayList;
import java.util.List;
import netforge.processor.diag.AnnotationText;
import netforge.processor.diag.Diagnostic;
import netforge.processor.diag.Message;
import netforge.processor.diag.Report;
import netforge.processor.diag.ShapeTrace;
import netforge.processor.diag.Site;
import netforge.processor.model.InferredNetwork;
import netforge.processor.model.InferredOp;
import netforge.processor.model.Op;
import netforge.processor.model.ShapeRules;

/**
 * A warning when a strided window does not tile its padded input: the last rows or columns are never read, as
 * in PyTorch, which floors the output size. Often harmless (AlexNet on 224x224), sometimes a sign of a wrong size.
 */
final class WindowTilingCheck implements NetworkCheck {
  @Override
  public void check(InferredNetwork network, Report report) {
    for (InferredOp step : network.ops()) {
      if (step.out().isError() || !step.in().isSpatial()) {
        continue;
      }
      if (step.op() instanceof Op.Conv c) {
        warn(network, report, step, c.kernelHeight(), c.kernelWidth(), c.stride(), c.pad(),
            c.k() != 0 ? new String[] {"k", "s"} : new String[] {"kh", "kw", "s"});
      } else if (step.op() instanceof Op.Pool p) {
        warn(network, report, step, p.k(), p.k(), p.effectiveStride(), p.pad(),
            p.stride() == 0 ? new String[] {"k"} : new String[] {"k", "s"});
      }
    }
  }

  private static void warn(InferredNetwork network, Report report, InferredOp step, int kh, int kw, int s, int p,
      String[] shownAttributes) {
    int h = step.in().height();
    int w = step.in().width();
    long rows = ShapeRules.droppedByWindow(h, kh, s, p);
    long columns = ShapeRules.droppedByWindow(w, kw, s, p);
    if (rows == 0 && columns == 0) {
      return;
    }
    String what = rows > 0 && columns > 0
        ? plural(rows, "row") + " and " + plural(columns, "column")
        : rows > 0 ? plural(rows, "row") : plural(columns, "column");
    String layer = network.layers().get(step.layer()).name();
    List<String> details = new ArrayList<>(ShapeTrace.into(network, step.layer(), false));
    details.add("fix: to read every pixel, make (in + 2p - k) a multiple of s: an input of "
        + (h - rows) + "x" + (w - columns) + " or " + (h - rows + (rows > 0 ? s : 0)) + "x"
        + (w - columns + (columns > 0 ? s : 0)) + " here, or other padding; ignore this if it is intended");
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
