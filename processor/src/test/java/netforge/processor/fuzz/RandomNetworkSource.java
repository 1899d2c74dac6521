package netforge.processor.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes the source of a random {@code @Network}: random layer kinds and hyper-parameters, some deliberately out
 * of range (zero, negative, oversized windows, wrong {@code in}, wrong class counts), so that many are invalid.
 */
final class RandomNetworkSource {
  private final Random random;

  RandomNetworkSource(long seed) {
    this.random = new Random(seed);
  }

  /** A compilation unit {@code fuzz.Net<index>}. */
  String next(int index) {
    int classes = pick(1, 10, -1, 0);
    List<String> fields = new ArrayList<>();
    int layers = 1 + random.nextInt(6);
    for (int i = 0; i < layers; i++) {
      fields.add("  " + field(i == layers - 1, classes) + " Layer l" + i + ";");
    }
    return "package fuzz;\n\nimport netforge.annotations.*;\n\n"
        + "@Network(input = @Input(channels = " + pick(1, 3, 0, -2) + ", height = " + pick(1, 40, 0, -1)
        + ", width = " + pick(1, 40, 0, 100000) + "), classes = " + classes + ")\n"
        + "abstract class Net" + index + " {\n" + String.join("\n", fields) + "\n}\n";
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
      case 8 -> random.nextBoolean() ? "@ReLU" : "@Flatten";
      default -> "@Dropout(" + probability() + ")";
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
