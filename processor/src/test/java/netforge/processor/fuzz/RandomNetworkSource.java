package netforge.processor.fuzz;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Random;

/**
 * Writes the source of a random {@code @Network}: random layer kinds and hyper-parameters, some deliberately out
 * of range (zero, negative, oversized windows, wrong {@code in}, wrong class counts), so that many are invalid.
 * Some cases also name layers and methods like the generated code's members and types (clash cases), use sizes
 * near and past 32-bit limits (overflow cases), or extend another network (inheritance cases).
 */
final class RandomNetworkSource {
  /** Names the generated model or its imports also use, and names that want the same constant prefix. */
  private static final List<String> CLASHING_NAMES = List.of("engine", "SPEC", "CLASSES", "PARAMETERS", "LAYERS",
      "SUMMARY", "INPUT", "List", "Map", "Math", "Pass", "Engine", "Device", "String", "Long", "layer2", "LAYER2",
      "layer3", "conv1", "CONV1", "p", "t", "batch", "n0", "java", "create", "summary", "SharedKernelArguments",
      "KernelArguments", "GemmArguments", "LaunchSequence", "ConvGemmArguments", "DenseGemmArguments");
  /** Members the generated model declares too, or that break it in some other way. */
  private static final List<String> CLASHING_MEMBERS = List.of("static String summary() { return \"\"; }",
      "String summary() { return \"\"; }", "public float[] forward(float[] x, int b) { return x; }",
      "void close() {}", "static void fillLayerFields() {}", "static class Launches {}", "static class List {}",
      "static class Pass {}", "abstract void train();", "String note;", "static final int WIDTH = 3;");
  private static final int[] HUGE = {2147483647, 1000000, 65536, 46341, 2147483646};

  /** One generated compilation unit and what kind of case it is. */
  record Case(String source, boolean clash, boolean overflow, boolean inheritance) {}

  private final Random random;

  RandomNetworkSource(long seed) {
    this.random = new Random(seed);
  }

  /** A compilation unit {@code fuzz.Net<index>}, with {@code fuzz.Base<index>} before it in inheritance cases. */
  Case next(int index) {
    boolean clash = random.nextInt(4) == 0;
    boolean overflow = random.nextInt(5) == 0;
    boolean inheritance = random.nextInt(5) == 0;
    String base = "";
    String extendsClause = "";
    if (inheritance) {
      // The base is a network of its own too: mostly a valid one, ending in its 10 classes.
      base = network("Base" + index, "", 10, layerFields(1 + random.nextInt(3), 10, false, false, "b"), "") + "\n";
      extendsClause = " extends Base" + index;
    }
    int classes = pick(1, 10, -1, 0);
    List<String> fields = layerFields(1 + random.nextInt(6), classes, clash, overflow, "l");
    String members = clash && random.nextBoolean()
        ? "  " + CLASHING_MEMBERS.get(random.nextInt(CLASHING_MEMBERS.size())) + "\n" : "";
    String source = "package fuzz;\n\nimport netforge.annotations.*;\n\n" + base
        + network("Net" + index, extendsClause, classes, fields, members);
    return new Case(source, clash, overflow, inheritance);
  }

  private String network(String name, String extendsClause, int classes, List<String> fields, String members) {
    boolean huge = random.nextInt(12) == 0;
    return "@Network(input = @Input(channels = " + (huge ? huge() : pick(1, 3, 0, -2)) + ", height = "
        + pick(1, 40, 0, -1) + ", width = " + (huge ? huge() : pick(1, 40, 0, 100000)) + "), classes = "
        + classes + ")\n" + "abstract class " + name + extendsClause + " {\n" + String.join("\n", fields)
        + "\n" + members + "}\n";
  }

  private List<String> layerFields(int layers, int classes, boolean clash, boolean overflow, String prefix) {
    List<String> fields = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < layers; i++) {
      String name = clash && random.nextInt(3) == 0
          ? CLASHING_NAMES.get(random.nextInt(CLASHING_NAMES.size())) : prefix + i;
      if (!names.add(name)) {
        name = prefix + i; // a name drawn twice is javac's "already defined", not a case for the processor
        names.add(name);
      }
      boolean last = i == layers - 1;
      String layer = overflow && random.nextInt(3) == 0 ? hugeLayer()
          : !last && random.nextInt(8) == 0 ? graphField(i, prefix, classes) : field(last, classes);
      fields.add("  " + layer + " Layer " + name + ";");
    }
    return fields;
  }

  /**
   * A field of a graph: a branch from an earlier layer, an add or a concatenation of two, or a layer with a
   * BatchNorm; the names mostly of layers above, sometimes of a later one (a cycle) or of none.
   */
  private String graphField(int index, String prefix, int classes) {
    String first = source(index, prefix);
    // the same layer twice always fits; two layers, only sometimes
    String second = random.nextInt(4) > 0 ? first : source(index, prefix);
    return switch (random.nextInt(4)) {
      case 0 -> "@From(\"" + first + "\") " + field(false, classes);
      case 1 -> "@Add({\"" + first + "\", \"" + second + "\"})" + maybe(" @ReLU");
      case 2 -> "@Concat({\"" + first + "\", \"" + second + "\"})";
      default -> "@Conv(out = " + pick(1, 12, 0, -3) + ", k = 3, p = 1, bias = false) @BatchNorm"
          + maybe("(momentum = " + (random.nextInt(4) > 0 ? "0.3" : "1.5") + ")") + maybe(" @ReLU");
    };
  }

  private String source(int index, String prefix) {
    int roll = random.nextInt(20);
    if (roll == 0 || index == 0) {
      return roll % 2 == 0 ? "nowhere" : prefix + (index + 1);
    }
    return prefix + random.nextInt(index);
  }

  private String hugeLayer() {
    return switch (random.nextInt(4)) {
      case 0 -> "@Dense(out = " + huge() + ")";
      case 1 -> "@Conv(out = " + huge() + ", k = " + pick(1, 3, huge(), 1) + ")";
      case 2 -> "@Conv(out = 4, k = " + huge() + ", p = " + (huge() - 1) + ")";
      default -> "@AdaptiveAvgPool(h = " + huge() + ", w = " + huge() + ")";
    };
  }

  private int huge() {
    return HUGE[random.nextInt(HUGE.length)];
  }

  private String field(boolean last, int classes) {
    if (last && random.nextInt(10) < 7) {
      return maybe("@Dropout(" + probability() + ") ") + "@Dense(out = " + classes + ")";
    }
    return switch (random.nextInt(10)) {
      case 0, 1, 2 -> "@Conv(out = " + pick(1, 12, 0, -3) + ", " + kernel() + maybe(", s = " + pick(1, 3, 0, -1))
          + maybe(", p = " + pick(0, 3, -1, 9)) + maybe(", bias = false") + ")" + maybe(" @ReLU")
          + maybe(" @Dropout(" + probability() + ")");
      case 3 -> "@MaxPool(k = " + pick(1, 4, 0, 50) + maybe(", s = " + pick(1, 3, -1, 0)) + maybe(", p = "
          + pick(0, 2, -1, 5)) + ")";
      case 4 -> "@AvgPool(k = " + pick(1, 4, 0, 50) + maybe(", p = " + pick(0, 1, 3, -1)) + ")" + maybe(" @ReLU");
      case 5 -> "@AdaptiveAvgPool(h = " + pick(1, 6, 0, 3) + ", w = " + pick(1, 6, -1, 2) + ")";
      case 6 -> maybe("@Dropout(" + probability() + ") ") + "@Dense(out = " + pick(1, 24, 0, -5)
          + maybe(", in = " + pick(1, 500, 0, 784)) + ")" + maybe(" @ReLU");
      case 7 -> "@LRN(size = " + pick(1, 5, 0, 2) + maybe(", alpha = " + (random.nextBoolean() ? "1e-3" : "-1.0"))
          + maybe(", k = " + (random.nextBoolean() ? "2.0" : "0.0")) + ")";
      case 8 -> random.nextBoolean() ? activation() : "@Flatten";
      default -> "@Dropout(" + probability() + ")";
    };
  }

  /** Any activation; a leaky ReLU's slope sometimes not finite. */
  private String activation() {
    return switch (random.nextInt(6)) {
      case 0 -> "@LeakyReLU" + maybe("(slope = " + (random.nextBoolean() ? "0.2" : "Double.NaN") + ")");
      case 1 -> "@Tanh";
      case 2 -> "@Sigmoid";
      case 3 -> "@GELU";
      case 4 -> "@SiLU";
      default -> "@ReLU";
    };
  }

  private String kernel() {
    return switch (random.nextInt(5)) {
      case 0 -> "kh = " + pick(1, 5, 0, -1) + ", kw = " + pick(1, 5, 0, 30);
      case 1 -> "kh = " + pick(1, 5, 0, 2);
      default -> "k = " + pick(1, 7, 0, 60);
    };
  }

  private String probability() {
    return switch (random.nextInt(6)) {
      case 0 -> "1.0";
      case 1 -> "-0.25";
      default -> String.valueOf(random.nextInt(9) / 10.0);
    };
  }

  /** Mostly in [low, high]; one time in eight one of the two odd values. */
  private int pick(int low, int high, int odd, int other) {
    int roll = random.nextInt(16);
    if (roll == 0) {
      return odd;
    } else if (roll == 1) {
      return other;
    }
    return low + random.nextInt(high - low + 1);
  }

  private String maybe(String text) {
    return random.nextBoolean() ? text : "";
  }
}
