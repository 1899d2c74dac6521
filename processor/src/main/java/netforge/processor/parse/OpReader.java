package netforge.processor.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationValue;
import netforge.processor.model.Op;

/** Turns one DSL annotation's values into a model step; {@code null} when javac could not evaluate a value. */
final class OpReader {
  private OpReader() {}

  static Op read(String kind, Map<String, AnnotationValue> values) {
    return read(kind, values, BlockBinding.NONE);
  }

  /** Reads a step of a block's field, its block constants and names bound as {@code binding} says. */
  static Op read(String kind, Map<String, AnnotationValue> raw, BlockBinding binding) {
    Values values = new Values(raw, binding);
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
        case "LeakyReLU" -> new Op.LeakyRelu(d(values, "slope"));
        case "Tanh" -> new Op.Tanh();
        case "Sigmoid" -> new Op.Sigmoid();
        case "GELU" -> new Op.Gelu();
        case "SiLU" -> new Op.Silu();
        case "Dropout" -> new Op.Dropout(d(values, "value"));
        case "From" -> new Op.From(s(values, "value"));
        case "Add" -> new Op.Add(strings(values, "value"));
        case "Concat" -> new Op.Concat(strings(values, "value"));
        case "BatchNorm" -> new Op.BatchNorm(d(values, "eps"), d(values, "momentum"), tensorName(values, "name"));
        case "LRN" -> new Op.Lrn(i(values, "size"), d(values, "alpha"), d(values, "beta"), d(values, "k"));
        default -> null;
      };
    } catch (MissingValue e) {
      return null;
    }
  }

  /**
   * The {@code name} a {@code @Conv} or {@code @Dense} gives its tensors, under a block's prefix; empty for other
   * annotations, for the default, and where javac could not evaluate it.
   */
  static String tensorNameOf(String kind, Map<String, AnnotationValue> raw, BlockBinding binding) {
    if (!kind.equals("Conv") && !kind.equals("Dense")) {
      return "";
    }
    try {
      return tensorName(new Values(raw, binding), "name");
    } catch (MissingValue e) {
      return "";
    }
  }

  /** A value javac could not evaluate (it has reported why). */
  private static final class MissingValue extends Exception {
    MissingValue() {
      super(null, null, false, false);
    }
  }

  /** An annotation's values by attribute name, read through a block's binding. */
  private record Values(Map<String, AnnotationValue> byName, BlockBinding binding) {}

  private static Object raw(Values values, String name) throws MissingValue {
    AnnotationValue v = values.byName().get(name);
    if (v == null) {
      throw new MissingValue();
    }
    return v.getValue();
  }

  private static int i(Values values, String name) throws MissingValue {
    if (raw(values, name) instanceof Integer v) {
      return values.binding().integer(v);
    }
    throw new MissingValue();
  }

  private static double d(Values values, String name) throws MissingValue {
    Object v = raw(values, name);
    if (v instanceof Double x) {
      return x;
    } else if (v instanceof Float x) {
      return x;
    }
    throw new MissingValue();
  }

  private static String s(Values values, String name) throws MissingValue {
    if (raw(values, name) instanceof String v) {
      return values.binding().layer(v);
    }
    throw new MissingValue();
  }

  /** A tensor name a block's field gives ({@code @BatchNorm(name = "bn1")}), under the use's prefix. */
  private static String tensorName(Values values, String name) throws MissingValue {
    if (raw(values, name) instanceof String v) {
      return values.binding().tensor(v);
    }
    throw new MissingValue();
  }

  private static List<String> strings(Values values, String name) throws MissingValue {
    if (!(raw(values, name) instanceof List<?> elements)) {
      throw new MissingValue();
    }
    List<String> strings = new ArrayList<>();
    for (Object element : elements) {
      if (!(element instanceof AnnotationValue v && v.getValue() instanceof String text)) {
        throw new MissingValue();
      }
      strings.add(values.binding().layer(text));
    }
    return strings;
  }

  private static boolean b(Values values, String name) throws MissingValue {
    if (raw(values, name) instanceof Boolean v) {
      return v;
    }
    throw new MissingValue();
  }
}
