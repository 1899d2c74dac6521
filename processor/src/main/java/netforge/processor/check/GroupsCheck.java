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
import netforge.processor.model.ShapeRules;

/**
 * A grouped convolution's {@code groups} divides both its input channels and {@code out}: PyTorch refuses any other
 * split. One error on {@code groups}, whichever of the two it fails, with the group counts that would work.
 */
final class GroupsCheck implements NetworkCheck {
  /** More divisors than this are shown as the first and last few: a fix line stays one readable line. */
  private static final int MAX_SHOWN = 12;

  @Override
  public void check(InferredNetwork network, Report report) {
    for (InferredOp step : network.ops()) {
      // groups or out below 1 is reported as out of range, and has no divisors to offer
      if (!(step.op() instanceof Op.Conv c) || c.groups() < 1 || c.out() < 1 || !step.in().isSpatial()
          || ShapeRules.groupsDivide(c, step.in())) {
        continue;
      }
      int in = step.in().channels();
      String layer = network.layers().get(step.layer()).name();
      List<String> details = new ArrayList<>(ShapeTrace.into(network, step.layer(), false));
      details.add(Hint.GROUPS_RULE.format());
      details.add(fix(in, c.out()));
      Message m = Message.GROUPS_INDIVISIBLE;
      report.add(new Diagnostic(m, Site.annotation(step.layer(), step.index(), "groups"),
          m.format(layer, c.groups(), in, c.out()), details));
    }
  }

  /** The group counts that divide both {@code in} and {@code out}; depthwise named when {@code in} divides out. */
  private static String fix(int in, int out) {
    List<Integer> divisors = commonDivisors(in, out);
    String plural = divisors.size() > 1 ? "" : "s";
    String shown = list(divisors);
    return in > 1 && out % in == 0
        ? Hint.GROUPS_DEPTHWISE.format(shown, plural, in, out, in)
        : Hint.GROUPS_DIVISORS.format(shown, plural, in, out);
  }

  static List<Integer> commonDivisors(int a, int b) {
    List<Integer> divisors = new ArrayList<>();
    int gcd = gcd(a, b);
    for (int d = 1; d <= gcd; d++) {
      if (gcd % d == 0) {
        divisors.add(d);
      }
    }
    return divisors;
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /** {@code 1, 2, 4 or 8}; past {@value #MAX_SHOWN} values, the first and last few around {@code ...}. */
  static String list(List<Integer> values) {
    List<String> shown = new ArrayList<>();
    if (values.size() <= MAX_SHOWN) {
      values.forEach(v -> shown.add(String.valueOf(v)));
    } else {
      values.subList(0, MAX_SHOWN / 2).forEach(v -> shown.add(String.valueOf(v)));
      shown.add("...");
      values.subList(values.size() - MAX_SHOWN / 2 + 1, values.size()).forEach(v -> shown.add(String.valueOf(v)));
    }
    if (shown.size() == 1) {
      return shown.get(0);
    }
    return String.join(", ", shown.subList(0, shown.size() - 1)) + " or " + shown.get(shown.size() - 1);
  }
}
