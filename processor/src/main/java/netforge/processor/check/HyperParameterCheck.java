package netforge.processor.check;

import java.util.List;
import netforge.processor.diag.AnnotationText;
import netforge.processor.diag.Diagnostic;
import netforge.processor.diag.Message;
import netforge.processor.diag.Message.Hint;
import netforge.processor.diag.Report;
import netforge.processor.diag.Site;
import netforge.processor.model.InferredNetwork;
import netforge.processor.model.InferredOp;
import netforge.processor.model.Op;
import netforge.processor.model.Padding;

/**
 * Each step's own numbers are in range: sizes and strides at least 1, padding limits, probabilities, LRN, a leaky
 * ReLU's slope and batch normalisation.
 */
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
        atLeast(report, layer, step, "h", a.h(), 1, Hint.ADAPTIVE_POOL_SIZE.format("h"));
        atLeast(report, layer, step, "w", a.w(), 1, Hint.ADAPTIVE_POOL_SIZE.format("w"));
      } else if (op instanceof Op.Dense d) {
        atLeast(report, layer, step, "out", d.out(), 1, Hint.DENSE_OUT.format());
        atLeast(report, layer, step, "in", d.in(), 0, Hint.DENSE_IN_FEATURES.format());
      } else if (op instanceof Op.Dropout d) {
        if (!(d.p() >= 0 && d.p() < 1)) {
          add(report, Message.DROPOUT_RANGE, site(step, "value"),
              List.of(Hint.DROPOUT_PROBABILITY.format()),
              layer, AnnotationText.number(d.p()));
        }
      } else if (op instanceof Op.LeakyRelu l) {
        // any finite slope is PyTorch's: negative ones flip the negative side, 0 is a ReLU
        if (!Double.isFinite(l.slope())) {
          add(report, Message.LEAKY_RELU_SLOPE, site(step, "slope"), List.of(Hint.LEAKY_RELU_SLOPE.format()),
              layer, AnnotationText.number(l.slope()));
        }
      } else if (op instanceof Op.BatchNorm b) {
        batchNorm(report, layer, step, "eps", b.eps(), b.eps() > 0 && Double.isFinite(b.eps()),
            "greater than 0, or a channel of equal values divides by zero", 1e-5);
        batchNorm(report, layer, step, "momentum", b.momentum(), b.momentum() >= 0 && b.momentum() <= 1,
            "between 0 and 1, the weight of each batch in the running statistics", 0.1);
      } else if (op instanceof Op.Lrn l) {
        atLeast(report, layer, step, "size", l.size(), 1, Hint.LRN_SIZE.format());
        lrn(report, layer, step, "alpha", l.alpha(), l.alpha() >= 0 && Double.isFinite(l.alpha()), "at least 0");
        lrn(report, layer, step, "beta", l.beta(), l.beta() >= 0 && Double.isFinite(l.beta()), "at least 0");
        lrn(report, layer, step, "k", l.k(), l.k() > 0 && Double.isFinite(l.k()),
            "greater than 0, or an all-zero input divides by zero");
      }
    }
  }

  private static void checkConv(Report report, String layer, InferredOp step, Op.Conv c) {
    atLeast(report, layer, step, "out", c.out(), 1, Hint.CONV_OUT.format());
    boolean kernelOk = true;
    if (c.k() != 0 && (c.kh() != 0 || c.kw() != 0)) {
      add(report, Message.KERNEL_SIZE, site(step, c.kh() != 0 ? "kh" : "kw"),
          List.of(Hint.KERNEL_SQUARE_ONLY.format(c.k())),
          layer, "it gives both k and " + (c.kh() != 0 ? "kh" : "kw"));
      kernelOk = false;
    } else if (c.k() == 0 && c.kh() == 0 && c.kw() == 0) {
      add(report, Message.KERNEL_SIZE, site(step, null),
          List.of(Hint.KERNEL_MISSING.format()),
          layer, "it gives neither");
      kernelOk = false;
    } else if (c.k() == 0 && (c.kh() == 0 || c.kw() == 0)) {
      String given = c.kh() != 0 ? "kh" : "kw";
      String missing = c.kh() != 0 ? "kw" : "kh";
      add(report, Message.KERNEL_SIZE, site(step, given),
          List.of(Hint.KERNEL_SIDE_MISSING.format(missing)),
          layer, "it gives " + given + " without " + missing);
      kernelOk = false;
    } else {
      kernelOk &= atLeast(report, layer, step, "k", c.k(), c.k() == 0 ? 0 : 1, Hint.KERNEL_AT_LEAST_1.format());
      kernelOk &= atLeast(report, layer, step, "kh", c.kh(), c.kh() == 0 ? 0 : 1, Hint.KERNEL_HEIGHT_AT_LEAST_1.format());
      kernelOk &= atLeast(report, layer, step, "kw", c.kw(), c.kw() == 0 ? 0 : 1, Hint.KERNEL_WIDTH_AT_LEAST_1.format());
    }
    atLeast(report, layer, step, "s", c.stride(), 1, Hint.CONV_STRIDE.format());
    atLeast(report, layer, step, "groups", c.groups(), 1, Hint.GROUPS_AT_LEAST_1.format());
    if (Padding.givenTwice(c.pad(), c.padH(), c.padW())) {
      givenTwice(report, layer, step, c.pad(), c.padH(), c.padW());
    } else if (c.padH() != Padding.SAME_AS_P || c.padW() != Padding.SAME_AS_P) {
      convAxis(report, layer, step, "ph", c.padH(), kernelOk ? c.kernelHeight() : 0, c.k() != 0 ? "k" : "kh");
      convAxis(report, layer, step, "pw", c.padW(), kernelOk ? c.kernelWidth() : 0, c.k() != 0 ? "k" : "kw");
    } else if (c.pad() < 0) {
      add(report, Message.NEGATIVE_PADDING, site(step, "p"), List.of(Hint.NO_PADDING.format()),
          layer, AnnotationText.of(c, "p"));
    } else if (kernelOk) {
      int smallest = Math.min(c.kernelHeight(), c.kernelWidth());
      if (c.pad() >= smallest && c.kernelHeight() == c.kernelWidth()) {
        add(report, Message.PADDING_TOO_LARGE, site(step, "p"),
            List.of(Hint.PADDING_SEES_ONLY_ZEROS.format(),
                Hint.PADDING_KEEPS_SIZE.format(smallest - 1, (smallest - 1) / 2)),
            layer, AnnotationText.of(c, "p"), "less than the kernel size " + smallest);
      } else if (c.pad() >= smallest) {
        String side = c.kernelHeight() < c.kernelWidth() ? "kh" : "kw";
        add(report, Message.PADDING_TOO_LARGE, site(step, "p"),
            List.of(Hint.PADDING_SEES_ONLY_ZEROS.format(), Hint.PADDING_SMALLER_SIDE.format(smallest - 1)),
            layer, AnnotationText.of(c, "p"), "less than the smaller kernel side, " + side + " = " + smallest);
      }
    }
  }

  private static void checkPool(Report report, String layer, InferredOp step, Op.Pool p) {
    boolean kOk = atLeast(report, layer, step, "k", p.k(), 1, Hint.POOL_WINDOW.format());
    if (p.stride() < 0) {
      add(report, Message.NON_POSITIVE_PARAMETER, site(step, "s"),
          List.of(Hint.POOL_STRIDE.format()),
          layer, AnnotationText.of(p, "s"), 1);
    }
    if (Padding.givenTwice(p.pad(), p.padH(), p.padW())) {
      givenTwice(report, layer, step, p.pad(), p.padH(), p.padW());
    } else if (p.padH() != Padding.SAME_AS_P || p.padW() != Padding.SAME_AS_P) {
      poolAxis(report, layer, step, p, "ph", p.padH(), kOk);
      poolAxis(report, layer, step, p, "pw", p.padW(), kOk);
    } else {
      poolAxis(report, layer, step, p, "p", p.pad(), kOk);
    }
  }

  /**
   * {@code p} beside {@code ph} or {@code pw}: sited on the per-axis value, fixed by writing both axes out (a
   * negative value, itself wrong, as no padding).
   */
  private static void givenTwice(Report report, String layer, InferredOp step, int p, int ph, int pw) {
    String axis = ph != Padding.SAME_AS_P ? "ph" : "pw";
    String shown = ph != Padding.SAME_AS_P && pw != Padding.SAME_AS_P
        ? AnnotationText.of(step.op(), "p", "ph", "pw") : AnnotationText.of(step.op(), "p", axis);
    add(report, Message.PADDING_GIVEN_TWICE, site(step, axis),
        List.of(Hint.PADDING_ONE_WAY.format(Math.max(0, Padding.resolve(p, ph)), Math.max(0, Padding.resolve(p, pw)))),
        layer, shown);
  }

  /**
   * One axis's own padding ({@code ph} or {@code pw}), when given: not negative, less than the kernel's side on
   * that axis ({@code kernelSide} 0 when the kernel is itself wrong and reported).
   */
  private static void convAxis(Report report, String layer, InferredOp step, String axis, int value, int kernelSide,
      String kernelAttribute) {
    if (value == Padding.SAME_AS_P) {
      return;
    }
    if (value < 0) {
      add(report, Message.NEGATIVE_PADDING, site(step, axis), List.of(Hint.NO_AXIS_PADDING.format(axis)),
          layer, AnnotationText.of(step.op(), axis));
    } else if (kernelSide > 0 && value >= kernelSide) {
      add(report, Message.PADDING_TOO_LARGE, site(step, axis),
          List.of(Hint.PADDING_SEES_ONLY_ZEROS.format(),
              Hint.AXIS_PADDING_KEEPS_SIZE.format(axis, kernelSide - 1, axis, (kernelSide - 1) / 2)),
          layer, AnnotationText.of(step.op(), axis),
          "less than the kernel " + (axis.equals("ph") ? "height" : "width") + ", " + kernelAttribute + " = "
              + kernelSide);
    }
  }

  /** A pool's padding {@code p}, {@code ph} or {@code pw}, when given: between 0 and half the window. */
  private static void poolAxis(Report report, String layer, InferredOp step, Op.Pool p, String attribute, int value,
      boolean kOk) {
    if (value == Padding.SAME_AS_P && !attribute.equals("p")) {
      return;
    }
    if (value < 0) {
      add(report, Message.NEGATIVE_PADDING, site(step, attribute),
          List.of(attribute.equals("p") ? Hint.NO_PADDING.format() : Hint.NO_AXIS_PADDING.format(attribute)),
          layer, AnnotationText.of(p, attribute));
    } else if (kOk && value > p.k() / 2) {
      add(report, Message.PADDING_TOO_LARGE, site(step, attribute),
          List.of(Hint.POOL_PADDING_RULE.format(), Hint.POOL_PADDING.format(attribute, p.k() / 2)),
          layer, AnnotationText.of(p, attribute), "at most half the window, k / 2 = " + p.k() / 2);
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
          List.of(Hint.ALEXNET_LRN.format()),
          layer, attribute, AnnotationText.number(value), rule);
    }
  }

  private static void batchNorm(Report report, String layer, InferredOp step, String attribute, double value,
      boolean ok, String rule, double pytorchDefault) {
    if (!ok) {
      add(report, Message.BATCH_NORM_PARAMETER, site(step, attribute),
          List.of(Hint.BATCH_NORM_DEFAULTS.format(attribute, AnnotationText.number(pytorchDefault))),
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
