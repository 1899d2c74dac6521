package netforge.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a layer's tensors are named in a state dict: a convolution's or dense layer's after its field
 * ({@code conv1.weight}); a BatchNorm's after the name it was given, else after its field when it is the field's only
 * step with parameters ({@code bn1.weight}), else {@code <field>.bn} ({@code conv1.bn.weight}), so the two sets of
 * tensors of {@code @Conv(...) @BatchNorm} cannot collide.
 */
public final class TensorNames {
  /** Parts of letters, digits and {@code _}, joined by dots: what PyTorch's module paths look like. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*");
  /** The part a BatchNorm beside a convolution or dense layer adds to the field's name. */
  public static final String BESIDE_SUFFIX = ".bn";

  private TensorNames() {}

  /** {@code ops} of the field {@code field} with every unnamed BatchNorm given its tensor name. */
  public static List<Op> resolveBatchNorms(String field, List<Op> ops) {
    boolean beside = ops.stream().anyMatch(op -> op instanceof Op.Conv || op instanceof Op.Dense);
    List<Op> resolved = new ArrayList<>(ops.size());
    for (Op op : ops) {
      if (op instanceof Op.BatchNorm bn && bn.name().isEmpty()) {
        resolved.add(new Op.BatchNorm(bn.eps(), bn.momentum(), beside ? field + BESIDE_SUFFIX : field));
      } else {
        resolved.add(op);
      }
    }
    return resolved;
  }

  /** Whether {@code name} can prefix tensor names: {@code bn1}, {@code layer1.0.bn1}. */
  public static boolean isValid(String name) {
    return NAME.matcher(name).matches();
  }
}
