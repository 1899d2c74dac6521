package netforge.examples.probes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import netforge.runtime.spec.LayerSpec;
import netforge.runtime.spec.OpSpec;
import org.junit.jupiter.api.Test;

/**
 * What the processor made of per-axis padding, without a device: each layer's annotation as written, its padding
 * per axis in the runtime description, and the shapes inferred axis by axis ({@code out = (in + 2p - k) / s + 1}
 * with the height's padding for the height and the width's for the width).
 */
class PaddingProbeSpecTest {
  private static final List<LayerSpec> LAYERS = PaddingProbeModel.SPEC.layers();

  @Test
  void convolutions_carryEachAxisPadding_andTheirShapesFollowIt() {
    assertEquals("@Conv(out = 5, kh = 3, kw = 4, s = 2, ph = 2, pw = 1) @ReLU", LAYERS.get(0).description());
    assertEquals(new OpSpec.Conv(5, 3, 4, 2, 2, 1, true), LAYERS.get(0).ops().get(0));
    assertArrayEquals(new int[] {5, 6, 4}, LAYERS.get(0).outShape()); // (9 + 4 - 3) / 2 + 1, (8 + 2 - 4) / 2 + 1
    assertEquals(new OpSpec.Conv(6, 2, 3, 1, 0, 2, true), LAYERS.get(2).ops().get(0));
    assertArrayEquals(new int[] {6, 3, 6}, LAYERS.get(2).outShape()); // 4 - 2 + 1, 4 + 4 - 3 + 1
  }

  @Test
  void pools_carryEachAxisPadding_andTheirShapesFollowIt() {
    assertEquals("@MaxPool(k = 3, s = 1, ph = 0, pw = 1)", LAYERS.get(1).description());
    assertEquals(new OpSpec.Pool(true, 3, 1, 0, 1), LAYERS.get(1).ops().get(0));
    assertArrayEquals(new int[] {5, 4, 4}, LAYERS.get(1).outShape());
    assertEquals("@AvgPool(k = 3, s = 1, ph = 1, pw = 0)", LAYERS.get(3).description());
    assertEquals(new OpSpec.Pool(false, 3, 1, 1, 0), LAYERS.get(3).ops().get(0));
    assertArrayEquals(new int[] {6, 3, 4}, LAYERS.get(3).outShape());
  }

  @Test
  void summary_showsTheAnnotationsAsWritten() {
    assertTrue(PaddingProbeModel.summary().contains("@Conv(out = 6, kh = 2, kw = 3, ph = 0, pw = 2) @ReLU"),
        PaddingProbeModel.summary());
  }

  @Test
  void samePaddingOnBothAxes_isTheOneValueRecord() {
    assertEquals(new OpSpec.Conv(8, 3, 3, 1, 1, true), new OpSpec.Conv(8, 3, 3, 1, 1, 1, true));
    assertEquals(new OpSpec.Pool(true, 3, 2, 1), new OpSpec.Pool(true, 3, 2, 1, 1));
  }
}
