package netforge.processor.diag;

import java.math.BigDecimal;
import java.util.StringJoiner;
import netforge.processor.model.Op;

/** Renders a step as an annotation with chosen attributes, e.g. {@code @Conv(k = 13, p = 1)}, for messages. */
public final class AnnotationText {

  private AnnotationText() {}

  public static String of(Op op, String... attributes) {
    StringJoiner values = new StringJoiner(", ", "(", ")").setEmptyValue("");
    for (String attribute : attributes) {
      values.add(attribute + " = " + value(op, attribute));
    }
    return "@" + op.annotation() + values;
  }

  /** The value of one attribute of a step, as a user would write it. */
  public static String value(Op op, String attribute) {
    if (op instanceof Op.Conv c) {
      return switch (attribute) {
        case "out" -> String.valueOf(c.out());
        case "k" -> String.valueOf(c.k());
        case "kh" -> String.valueOf(c.kh());
        case "kw" -> String.valueOf(c.kw());
        case "s" -> String.valueOf(c.stride());
        case "p" -> String.valueOf(c.pad());
        default -> String.valueOf(c.bias());
      };
    } else if (op instanceof Op.Pool p) {
      return switch (attribute) {
        case "k" -> String.valueOf(p.k());
        case "s" -> String.valueOf(p.stride());
        default -> String.valueOf(p.pad());
      };
    } else if (op instanceof Op.AdaptiveAvgPool a) {
      return String.valueOf(attribute.equals("h") ? a.h() : a.w());
    } else if (op instanceof Op.Dense d) {
      return switch (attribute) {
        case "out" -> String.valueOf(d.out());
        case "in" -> String.valueOf(d.in());
        default -> String.valueOf(d.bias());
      };
    } else if (op instanceof Op.Dropout d) {
      return number(d.p());
    } else if (op instanceof Op.Lrn l) {
      return switch (attribute) {
        case "size" -> String.valueOf(l.size());
        case "alpha" -> number(l.alpha());
        case "beta" -> number(l.beta());
        default -> number(l.k());
      };
    }
    throw new IllegalArgumentException(op.annotation() + " has no attribute " + attribute);
  }

  /** {@code 0.5}, {@code 0.0001}, {@code NaN}: the shortest exact decimal. */
  public static String number(double value) {
    if (!Double.isFinite(value)) {
      return String.valueOf(value);
    }
    String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }

  /** {@code a 55x55} or {@code an 11x11}: the article as the first number is spoken. */
  public static String withArticle(int height, int width) {
    String digits = String.valueOf(height);
    boolean vowel = digits.startsWith("8")
        || (digits.length() % 3 == 2 && (digits.startsWith("11") || digits.startsWith("18")));
    return (vowel ? "an " : "a ") + height + "x" + width;
  }
}
