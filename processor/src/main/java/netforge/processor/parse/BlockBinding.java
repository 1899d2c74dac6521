package netforge.processor.parse;

import java.util.Set;

/**
 * What a block's values stand for in one use: {@code Block.OUT}, {@code Block.WIDTH} and {@code Block.STRIDE} take
 * the use's numbers; {@code Block.INPUT} names the layer above the use; the block's own field names get the use's
 * prefix. {@link #NONE} leaves a network's own values as written.
 */
record BlockBinding(int out, int width, int stride, String prefix, String input, Set<String> blockFields) {
  /** The values of {@code netforge.annotations.Block}'s constants, which the processor cannot link against. */
  static final int OUT = -1_000_001;
  static final int WIDTH = -1_000_002;
  static final int STRIDE = -1_000_003;
  static final String INPUT = "Block.INPUT";

  static final BlockBinding NONE = new BlockBinding(0, 0, 0, null, null, Set.of());

  /** The use's value for a block constant, or {@code value} itself. */
  int integer(int value) {
    if (prefix == null) {
      return value;
    }
    return switch (value) {
      case OUT -> out;
      case WIDTH -> width == 0 ? out : width;
      case STRIDE -> stride;
      default -> value;
    };
  }

  /** The attribute of {@code @Use} a block constant comes from, or {@code null} for a value written in the block. */
  static String useAttribute(Object value) {
    if (!(value instanceof Integer v)) {
      return null;
    }
    return switch (v) {
      case OUT -> "out";
      case WIDTH -> "width";
      case STRIDE -> "s";
      default -> null;
    };
  }

  /** A tensor name a block's field gives, under the use's prefix; an empty name (the default) stays empty. */
  String tensor(String name) {
    return prefix == null || name.isEmpty() ? name : prefix + "." + name;
  }

  /** The network's name for a layer a block names: its input, or one of its own fields under the use's prefix. */
  String layer(String name) {
    if (prefix == null) {
      return name;
    }
    if (name.equals(INPUT)) {
      return input == null ? name : input;
    }
    return blockFields.contains(name) ? prefix + "." + name : name;
  }
}
