package netforge.processor.diag;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import netforge.processor.model.Op;
import netforge.processor.model.Padding;

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

  /**
   * The padding attributes a windowed step was given, for showing beside its window: {@code ph} and {@code pw}
   * where written, else {@code p} when it pads, else none.
   */
  public static List<String> paddingAttributes(Op op) {
    int p;
    int ph;
    int pw;
    if (op instanceof Op.Conv c) {
      p = c.pad();
      ph = c.padH();
      pw = c.padW();
    } else if (op instanceof Op.Pool pool) {
      p = pool.pad();
      ph = pool.padH();
      pw = pool.padW();
    } else {
      return List.of();
    }
    List<String> given = new ArrayList<>();
    if (ph != Padding.SAME_AS_P) {
      given.add("ph");
    }
    if (pw != Padding.SAME_AS_P) {
      given.add("pw");
    }
    if (given.isEmpty() && p > 0) {
      given.add("p");
    }
    return given;
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
        case "ph" -> String.valueOf(c.padH());
        case "pw" -> String.valueOf(c.padW());
        case "groups" -> String.valueOf(c.groups());
        default -> String.valueOf(c.bias());
      };
    } else if (op instanceof Op.Pool p) {
      return switch (attribute) {
        case "k" -> String.valueOf(p.k());
        case "s" -> String.valueOf(p.stride());
        case "ph" -> String.valueOf(p.padH());
        case "pw" -> String.valueOf(p.padW());
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
    } else if (op instanceof Op.LeakyRelu l) {
      return number(l.slope());
    } else if (op instanceof Op.BatchNorm b) {
      return switch (attribute) {
        case "eps" -> number(b.eps());
        case "momentum" -> number(b.momentum());
        default -> "\"" + b.name() + "\"";
      };
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
