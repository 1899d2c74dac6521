package netforge.processor.diag;

import static com.google.common.truth.Truth.assertThat;

import java.util.ArrayList;
import java.util.List;
import netforge.processor.model.InferredNetwork;
import netforge.processor.model.LayerModel;
import netforge.processor.model.NetworkModel;
import netforge.processor.model.Op;
import netforge.processor.model.ShapeInference;
import org.junit.jupiter.api.Test;

/** The "input shape flows from:" lines: aligned rows, the implicit flatten, at most ten entries. */
class ShapeTraceTest {
  private static InferredNetwork convs(int count) {
    List<LayerModel> layers = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      layers.add(new LayerModel("conv" + i, List.of(new Op.Conv(4, 3, 0, 0, 1, 1, true)),
          "@Conv(out = 4, k = 3, p = 1)", 10 + i));
    }
    return ShapeInference.infer(new NetworkModel("Net", 1, 8, 8, 10, layers));
  }

  @Test
  void into_firstLayer_showsOnlyTheInput() {
    assertThat(ShapeTrace.into(convs(1), 0, false)).containsExactly(
        "input shape flows from:",
        "  input  @Input(channels = 1, height = 8, width = 8)  -> [1, 8, 8]").inOrder();
  }

  @Test
  void into_denseAfterSpatial_addsTheFlattenAndAlignsColumns() {
    assertThat(ShapeTrace.into(convs(1), 1, true)).containsExactly(
        "input shape flows from:",
        "  input      @Input(channels = 1, height = 8, width = 8)  -> [1, 8, 8]",
        "  conv1      @Conv(out = 4, k = 3, p = 1)                 -> [4, 8, 8]  (line 11)",
        "  (flatten)                                               -> [256]").inOrder();
  }

  @Test
  void into_longNetwork_keepsTheLastTenEntries() {
    List<String> lines = ShapeTrace.into(convs(12), 12, false);
    assertThat(lines).hasSize(2 + ShapeTrace.MAX_ENTRIES);
    assertThat(lines.get(1)).isEqualTo("  ... 3 earlier entries");
    assertThat(lines.get(2)).startsWith("  conv3 ");
    assertThat(lines.get(lines.size() - 1)).startsWith("  conv12 ");
  }
}
