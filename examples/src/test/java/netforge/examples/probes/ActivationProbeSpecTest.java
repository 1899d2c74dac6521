package netforge.examples.probes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import netforge.runtime.spec.LayerSpec;
import netforge.runtime.spec.OpSpec;
import org.junit.jupiter.api.Test;

/**
 * What the processor made of the activations, without a device: each layer's annotations as written, the steps in
 * the runtime description in order (the activation after its layer, a slope as given), and the summary table.
 */
class ActivationProbeSpecTest {
  private static final List<LayerSpec> LAYERS = ActivationProbeModel.SPEC.layers();

  @Test
  void activations_followTheirLayerInTheSpec_inTheOrderWritten() {
    assertEquals("@Conv(out = 13, k = 3, p = 1) @GELU", LAYERS.get(0).description());
    assertEquals(List.of(new OpSpec.Conv(13, 3, 3, 1, 1, true), new OpSpec.Gelu()), LAYERS.get(0).ops());
    assertEquals(List.of(new OpSpec.Pool(true, 2, 2, 0), new OpSpec.Tanh(), new OpSpec.Dropout(0.3)),
        LAYERS.get(1).ops());
    assertEquals("@Conv(out = 7, k = 2, bias = false) @LeakyReLU(slope = 0.2) @ReLU", LAYERS.get(2).description());
    assertEquals(List.of(new OpSpec.Conv(7, 2, 2, 1, 0, false), new OpSpec.LeakyRelu(0.2), new OpSpec.Relu()),
        LAYERS.get(2).ops());
    assertEquals(new OpSpec.Silu(), LAYERS.get(3).ops().get(1));
    assertEquals(new OpSpec.Sigmoid(), LAYERS.get(4).ops().get(1));
    assertEquals(new OpSpec.LeakyRelu(-0.3), LAYERS.get(5).ops().get(1));
  }

  @Test
  void defaultSlope_isPyTorchs() {
    LayerSpec a3 = ActivationChainProbeModel.SPEC.layers().get(2);
    assertEquals("@AvgPool(k = 2, s = 1) @LeakyReLU", a3.description());
    assertEquals(new OpSpec.LeakyRelu(0.01), a3.ops().get(1));
  }

  @Test
  void activations_addNoParameters_andKeepTheShape() {
    assertEquals(13 * 3 * 9 + 13, LAYERS.get(0).parameterCount());
    assertEquals(0, LAYERS.get(3).parameterCount(), "LRN with SiLU");
    assertArrayEquals(new int[] {7, 3, 3}, LAYERS.get(3).outShape());
  }

  @Test
  void summary_showsTheAnnotationsAsWritten() {
    String summary = ActivationProbeModel.summary();
    assertTrue(summary.contains("@Dense(out = 11) @LeakyReLU(slope = -0.3)"), summary);
    assertTrue(summary.contains("@MaxPool(k = 2) @Tanh @Dropout(0.3)"), summary);
  }
}
