package netforge.processor.parse;

import java.util.Map;
import javax.lang.model.element.AnnotationValue;
import netforge.processor.model.Op;

/** Turns one DSL annotation's values into a model step; {@code null} when javac could not evaluate a value. */
final class OpReader {
  private OpReader() {}

  static Op read(String kind, Map<String, AnnotationValue> values) {
    try {
      return switch (kind) {
        case "Conv" -> new Op.Conv(i(values, "out"), i(values, "k"), i(values, "kh"), i(values, "kw"),
            i(values, "s"), i(values, "p"), i(values, "ph"), i(values, "pw"), b(values, "bias"),
            i(values, "groups"));
        case "MaxPool" -> new Op.Pool(Op.PoolKind.MAX, i(values, "k"), i(values, "s"), i(values, "p"),
            i(values, "ph"), i(values, "pw"));
        case "AvgPool" -> new Op.Pool(Op.PoolKind.AVG, i(values, "k"), i(values, "s"), i(values, "p"),
            i(values, "ph"), i(values, "pw"));
        case "AdaptiveAvgPool" -> new Op.AdaptiveAvgPool(i(values, "h"), i(values, "w"));
        case "Dense" -> new Op.Dense(i(values, "out"), i(values, "in"), b(values, "bias"));
        case "Flatten" -> new Op.Flatten();
        case "ReLU" -> new Op.Relu();
        case "Dropout" -> new Op.Dropout(d(values, "value"));
        case "LRN" -> new Op.Lrn(i(values, "size"), d(values, "alpha"), d(values, "beta"), d(values, "k"));
        default -> null;
      };
    } catch (MissingValue e) {
      return null;
    }
  }

  /** A value javac could not evaluate (it has reported why). */
  private static final class MissingValue extends Exception {
    MissingValue() {
      super(null, null, false, false);
    }
  }

  private static Object raw(Map<String, AnnotationValue> values, String name) throws MissingValue {
    AnnotationValue v = values.get(name);
    if (v == null) {
      throw new MissingValue();
    }
    return v.getValue();
  }

  private static int i(Map<String, AnnotationValue> values, String name) throws MissingValue {
    if (raw(values, name) instanceof Integer v) {
      return v;
    }
    throw new MissingValue();
  }

  private static double d(Map<String, AnnotationValue> values, String name) throws MissingValue {
    Object v = raw(values, name);
    if (v instanceof Double x) {
      return x;
    } else if (v instanceof Float x) {
      return x;
    }
    throw new MissingValue();
  }

  private static boolean b(Map<String, AnnotationValue> values, String name) throws MissingValue {
    if (raw(values, name) instanceof Boolean v) {
      return v;
    }
    throw new MissingValue();
  }
}
