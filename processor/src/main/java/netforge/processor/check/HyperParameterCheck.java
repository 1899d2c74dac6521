package netforge.processor.check;

import java.util.List;
import netforge.processor.diag.AnnotationText;
import netforge.processor.diag.Diagnostic;
import netforge.processor.diag.Message;
import netforge.processor.diag.Report;
import netforge.processor.diag.Site;
import netforge.processor.model.InferredNetwork;
import netforge.processor.model.InferredOp;
import netforge.processor.model.Op;

/** Each step's own numbers are in range: sizes and strides at least 1, padding limits, probabilities, LRN. */
final class HyperParameterCheck implements NetworkCheck {

  @Override
  public void check(InferredNetwork network, Report report) {
    for (InferredOp step : network.ops()) {
      String layer = network.layers().get(step.layer()).name();
      Op op = step.op();
      if (op instanceof Op.Conv c) {
        checkConv(report, layer, step, c);
      } else if (op instanceof Op.Pool p) {
        checkPool(report, layer, step, p);
      } else if (op instanceof Op.AdaptiveAvgPool a) {
        atLeast(report, layer, step, "h", a.h(), 1, "fix: use h >= 1; h = 1, w = 1 averages each channel to one value");
        atLeast(report, layer, step, "w", a.w(), 1, "fix: use w >= 1; h = 1, w = 1 averages each channel to one value");
      } else if (op instanceof Op.Dense d) {
        atLeast(report, layer, step, "out", d.out(), 1, "fix: give the number of output features, e.g. @Dense(out = 128)");
        atLeast(report, layer, step, "in", d.in(), 0, "fix: give the number of input features, or omit 'in' to infer it");
      } else if (op instanceof Op.Dropout d) {
        if (!(d.p() >= 0 && d.p() < 1)) {
          add(report, Message.DROPOUT_RANGE, site(step, "value"),
              List.of("fix: use a drop probability such as @Dropout(0.5); 0 disables dropout"),
              layer, AnnotationText.number(d.p()));
        }
      } else if (op instanceof Op.Lrn l) {
        atLeast(report, layer, step, "size", l.size(), 1, "fix: use size >= 1; AlexNet uses size = 5");
        lrn(report, layer, step, "alpha", l.alpha(), l.alpha() >= 0 && Double.isFinite(l.alpha()), "at least 0");
        lrn(report, layer, step, "beta", l.beta(), l.beta() >= 0 && Double.isFinite(l.beta()), "at least 0");
        lrn(report, layer, step, "k", l.k(), l.k() > 0 && Double.isFinite(l.k()),
            "greater than 0, or an all-zero input divides by zero");
      }
    }
  }

  private static void checkConv(Report report, String layer, InferredOp step, Op.Conv c) {
    atLeast(report, layer, step, "out", c.out(), 1, "fix: give the number of output channels, e.g. @Conv(out = 64, ...)");
    boolean kernelOk = true;
    if (c.k() != 0 && (c.kh() != 0 || c.kw() != 0)) {
      add(report, Message.KERNEL_SIZE, site(step, c.kh() != 0 ? "kh" : "kw"),
          List.of("fix: write k = " + c.k() + " for a square kernel, or kh and kw without k"),
          layer, "it gives both k and " + (c.kh() != 0 ? "kh" : "kw"));
      kernelOk = false;
    } else if (c.k() == 0 && c.kh() == 0 && c.kw() == 0) {
      add(report, Message.KERNEL_SIZE, site(step, null),
          List.of("fix: add k = 3 (or another size), or kh and kw for a rectangular kernel"),
          layer, "it gives neither");
      kernelOk = false;
    } else if (c.k() == 0 && (c.kh() == 0 || c.kw() == 0)) {
      String given = c.kh() != 0 ? "kh" : "kw";
      String missing = c.kh() != 0 ? "kw" : "kh";
      add(report, Message.KERNEL_SIZE, site(step, given),
          List.of("fix: add " + missing + " = ..., or write k for a square kernel"),
          layer, "it gives " + given + " without " + missing);
      kernelOk = false;
    } else {
      kernelOk &= atLeast(report, layer, step, "k", c.k(), c.k() == 0 ? 0 : 1, "fix: use a kernel of at least 1, e.g. k = 3");
      kernelOk &= atLeast(report, layer, step, "kh", c.kh(), c.kh() == 0 ? 0 : 1, "fix: use a kernel height of at least 1");
      kernelOk &= atLeast(report, layer, step, "kw", c.kw(), c.kw() == 0 ? 0 : 1, "fix: use a kernel width of at least 1");
    }
    atLeast(report, layer, step, "s", c.stride(), 1, "fix: use s >= 1; s = 1 (the default) moves the window one pixel at a time");
    if (c.pad() < 0) {
      add(report, Message.NEGATIVE_PADDING, site(step, "p"), List.of("fix: use p = 0 for no padding"),
          layer, AnnotationText.of(c, "p"));
    } else if (kernelOk) {
      int smallest = Math.min(c.kernelHeight(), c.kernelWidth());
      if (c.pad() >= smallest && c.kernelHeight() == c.kernelWidth()) {
        add(report, Message.PADDING_TOO_LARGE, site(step, "p"),
            List.of("padding of the kernel size or more only adds windows that see nothing but zeros",
                "fix: use p <= " + (smallest - 1) + "; p = " + (smallest - 1) / 2
                    + " keeps the size for an odd kernel at stride 1"),
            layer, AnnotationText.of(c, "p"), "less than the kernel size " + smallest);
      } else if (c.pad() >= smallest) {
        String side = c.kernelHeight() < c.kernelWidth() ? "kh" : "kw";
        add(report, Message.PADDING_TOO_LARGE, site(step, "p"),
            List.of("padding of the kernel size or more only adds windows that see nothing but zeros",
                "fix: use p <= " + (smallest - 1) + "; one p pads every side, so the smaller kernel side limits it"),
            layer, AnnotationText.of(c, "p"), "less than the smaller kernel side, " + side + " = " + smallest);
      }
    }
  }

  private static void checkPool(Report report, String layer, InferredOp step, Op.Pool p) {
    boolean kOk = atLeast(report, layer, step, "k", p.k(), 1, "fix: use a window of at least 1, e.g. k = 2");
    if (p.stride() < 0) {
      add(report, Message.NON_POSITIVE_PARAMETER, site(step, "s"),
          List.of("fix: use s >= 1, or s = 0 (the default) for a stride equal to k"),
          layer, AnnotationText.of(p, "s"), 1);
    }
    if (p.pad() < 0) {
      add(report, Message.NEGATIVE_PADDING, site(step, "p"), List.of("fix: use p = 0 for no padding"),
          layer, AnnotationText.of(p, "p"));
    } else if (kOk && p.pad() > p.k() / 2) {
      add(report, Message.PADDING_TOO_LARGE, site(step, "p"),
          List.of("PyTorch rejects pooling padding above half the window: such windows can lie wholly in the padding",
              "fix: use p <= " + p.k() / 2),
          layer, AnnotationText.of(p, "p"), "at most half the window, k / 2 = " + p.k() / 2);
    }
  }

  /** Reports {@code attribute < min}; returns whether the value was in range. */
  private static boolean atLeast(Report report, String layer, InferredOp step, String attribute, int value,
      int min, String fix) {
    if (value >= min) {
      return true;
    }
    add(report, Message.NON_POSITIVE_PARAMETER, site(step, attribute), List.of(fix),
        layer, AnnotationText.of(step.op(), attribute), min);
    return false;
  }

  private static void lrn(Report report, String layer, InferredOp step, String attribute, double value,
      boolean ok, String rule) {
    if (!ok) {
      add(report, Message.LRN_PARAMETER, site(step, attribute),
          List.of("fix: the original AlexNet uses @LRN(size = 5, alpha = 1e-4, beta = 0.75, k = 2)"),
          layer, attribute, AnnotationText.number(value), rule);
    }
  }

  private static Site site(InferredOp step, String attribute) {
    return Site.annotation(step.layer(), step.index(), attribute);
  }

  private static void add(Report report, Message message, Site site, List<String> details, Object... args) {
    report.add(new Diagnostic(message, site, message.format(args), details));
  }
}
