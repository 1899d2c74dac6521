package netforge.processor.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import netforge.processor.model.InferredLayer;
import netforge.processor.model.InferredNetwork;

/**
 * The per-layer table of a network, like torchsummary's in the PyTorch tutorial: layer, annotations, output
 * shape, parameters, cumulative parameters and forward MFLOPs per image. Computed at compile time; the generated
 * {@code summary()} returns it and {@code -Anetforge.summary=true} prints it as a javac note.
 */
public final class SummaryTable {
  private SummaryTable() {}

  public static String render(InferredNetwork network) {
    var model = network.model();
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"Layer", "Annotations", "Output shape", "Parameters", "Cumulative", "MFLOPs"});
    long cumulative = 0;
    for (InferredLayer layer : network.layers()) {
      cumulative += layer.parameters();
      rows.add(new String[] {layer.name(), layer.layer().description(), layer.out().toString(),
          grouped(layer.parameters()), grouped(cumulative),
          layer.flops() == 0 ? "-" : String.format(Locale.ROOT, "%.1f", layer.flops() / 1e6)});
    }
    int[] width = new int[6];
    for (String[] row : rows) {
      for (int c = 0; c < 6; c++) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    StringBuilder text = new StringBuilder();
    text.append(model.name()).append(": input ").append(model.input()).append(", ").append(model.classes())
        .append(" classes\n");
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      text.append(String.format(Locale.ROOT, "%-" + width[0] + "s  %-" + width[1] + "s  %-" + width[2] + "s  %"
          + width[3] + "s  %" + width[4] + "s  %" + width[5] + "s", (Object[]) row).stripTrailing()).append('\n');
      if (r == 0) {
        int total = width[0] + width[1] + width[2] + width[3] + width[4] + width[5] + 10;
        text.append("-".repeat(total)).append('\n');
      }
    }
    text.append(String.format(Locale.ROOT, "Total parameters: %s (%.1f MB as float32)%n",
        grouped(network.parameters()), network.parameters() * 4 / 1e6));
    text.append(String.format(Locale.ROOT,
        "Forward: %.3f GFLOPs per image (2 x multiply-accumulates of convolutions and dense layers)%n",
        network.flops() / 1e9));
    return text.toString();
  }

  static String grouped(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
