package netforge.processor.check;

import java.util.ArrayList;
import java.util.List;
import netforge.processor.diag.Diagnostic;
import netforge.processor.diag.Message;
import netforge.processor.diag.Message.Hint;
import netforge.processor.diag.Report;
import netforge.processor.diag.ShapeTrace;
import netforge.processor.diag.Site;
import netforge.processor.model.InferredNetwork;
import netforge.processor.model.InferredOp;
import netforge.processor.model.Op;
import netforge.processor.model.Shape;
import netforge.processor.model.ShapeRules;

/**
 * A weight tensor, one image's output of a step, and all parameters together must fit NetForge's 32-bit element
 * indexes. The input image itself is {@link InputCheck}'s. Only the first step to pass a limit is reported:
 * inference stops the flow there, so the steps after it have no numbers to blame. The caret goes on {@code out}
 * of a convolution or dense layer, the number that usually has to shrink.
 */
final class TooLargeCheck implements NetworkCheck {
  @Override
  public void check(InferredNetwork network, Report report) {
    long total = 0;
    for (InferredOp step : network.ops()) {
      if (step.in().isError() || !ShapeRules.hyperparametersValid(step.op())
          || (ShapeRules.needsSpatialInput(step.op()) && !step.in().isSpatial())) {
        continue;
      }
      String layer = network.layers().get(step.layer()).name();
      long weights = ShapeRules.weightCount(step.op(), step.in());
      total = ShapeRules.sum(total, ShapeRules.parameters(step.op(), step.in()));
      if (weights > ShapeRules.MAX_ELEMENTS) {
        add(network, report, step, Message.TOO_LARGE, Message.TOO_LARGE.format(layer, "its weight tensor", weights,
            ShapeRules.MAX_ELEMENTS), Hint.SHRINK_TENSOR.format());
        return;
      } else if (step.out().isError() && outputElements(step) > ShapeRules.MAX_ELEMENTS) {
        add(network, report, step, Message.TOO_LARGE, Message.TOO_LARGE.format(layer, "one image's output",
            outputElements(step),
            ShapeRules.MAX_ELEMENTS), Hint.SHRINK_TENSOR.format());
        return;
      } else if (total > ShapeRules.MAX_PARAMETERS) {
        add(network, report, step, Message.TOO_MANY_PARAMETERS,
            Message.TOO_MANY_PARAMETERS.format(layer, total, ShapeRules.MAX_PARAMETERS),
            Hint.SHRINK_NETWORK.format());
        return;
      }
    }
  }

  /** Elements the step's output would have, 0 where it cannot be computed (an empty window is reported elsewhere). */
  private static long outputElements(InferredOp step) {
    Op op = step.op();
    Shape in = step.in();
    if (op instanceof Op.Conv c) {
      return windowed(c.out(), in, c.kernelHeight(), c.kernelWidth(), c.stride(), c.padHeight(), c.padWidth());
    } else if (op instanceof Op.Pool p) {
      // k = 2, p = 1, s = 1 makes an output one row and one column larger than its input.
      return windowed(in.channels(), in, p.k(), p.k(), p.effectiveStride(), p.padHeight(), p.padWidth());
    } else if (op instanceof Op.AdaptiveAvgPool a) {
      return ShapeRules.product(in.channels(), a.h(), a.w());
    }
    return 0;
  }

  private static long windowed(long channels, Shape in, int kh, int kw, int s, int ph, int pw) {
    return ShapeRules.product(channels, Math.max(0, ShapeRules.windowOutput(in.height(), kh, s, ph)),
        Math.max(0, ShapeRules.windowOutput(in.width(), kw, s, pw)));
  }

  private static void add(InferredNetwork network, Report report, InferredOp step, Message message,
      String firstLine, String fix) {
    String attribute = step.op() instanceof Op.Conv || step.op() instanceof Op.Dense ? "out" : null;
    List<String> details = new ArrayList<>(ShapeTrace.into(network, step.layer(), false));
    details.add(fix);
    report.add(new Diagnostic(message, Site.annotation(step.layer(), step.index(), attribute), firstLine, details));
  }
}
