package netforge.examples.probes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import netforge.runtime.spec.LayerSpec;
import netforge.runtime.spec.OpSpec;
import netforge.runtime.spec.ParamSpec;
import org.junit.jupiter.api.Test;

/**
 * What the processor made of {@code groups}, without a device: the runtime description carries it, and the weights
 * have PyTorch's shape {@code [out, in / groups, kh, kw]}, its parameter count and its fan-in (so that PyTorch's
 * safetensors load and initialisation draws from PyTorch's bounds).
 */
class GroupsProbeSpecTest {
  private static final List<LayerSpec> LAYERS = GroupsProbeModel.SPEC.layers();
  private static final List<ParamSpec> PARAMETERS = GroupsProbeModel.SPEC.parameters();

  @Test
  void convolutions_carryTheirGroups() {
    assertEquals(new OpSpec.Conv(6, 3, 3, 1, 0, 0, true, 2), LAYERS.get(0).ops().get(0));
    assertEquals(new OpSpec.Conv(6, 3, 3, 1, 1, 1, true, 6), LAYERS.get(1).ops().get(0));
    assertEquals(new OpSpec.Conv(12, 3, 5, 2, 0, 2, true, 6), LAYERS.get(2).ops().get(0));
    assertEquals(new OpSpec.Conv(9, 3, 3, 1, 1, 1, false, 3), LAYERS.get(3).ops().get(0));
    assertEquals(new OpSpec.Conv(9, 2, 2, 1, 0, 0, false, 9), LAYERS.get(4).ops().get(0));
    assertArrayEquals(new int[] {12, 3, 5}, LAYERS.get(2).outShape()); // (7 - 3) / 2 + 1, (9 + 4 - 5) / 2 + 1
  }

  @Test
  void weights_arePyTorchs_outByInPerGroup_withThatFanIn() {
    assertArrayEquals(new int[] {6, 2, 3, 3}, PARAMETERS.get(0).shape());
    assertEquals(18, PARAMETERS.get(0).fanIn());   // 4 / 2 input channels x 3 x 3
    assertArrayEquals(new int[] {6, 1, 3, 3}, PARAMETERS.get(2).shape());
    assertEquals(9, PARAMETERS.get(2).fanIn());
    assertArrayEquals(new int[] {12, 1, 3, 5}, PARAMETERS.get(4).shape());
    assertArrayEquals(new int[] {9, 4, 3, 3}, PARAMETERS.get(6).shape());
    assertEquals(36, PARAMETERS.get(6).fanIn());
    assertArrayEquals(new int[] {9, 1, 2, 2}, PARAMETERS.get(7).shape());
  }

  @Test
  void parameterCountsAndFlops_countOneGroupsChannelsPerOutput() {
    // 6 * 2 * 9 + 6, 6 * 9 + 6, 12 * 15 + 12, 9 * 4 * 9, 9 * 4, 5 * 72 + 5
    assertEquals(List.of(114L, 60L, 192L, 324L, 36L, 365L),
        LAYERS.stream().map(LayerSpec::parameterCount).toList());
    assertEquals(1091L, GroupsProbeModel.PARAMETERS);
    // 2 per multiply-accumulate: 378 outputs x 2 channels x 9, then 378 x 1 x 9 for the depthwise layer
    assertEquals(13_608L, LAYERS.get(0).flops());
    assertEquals(6_804L, LAYERS.get(1).flops());
  }

  @Test
  void groupsOfOne_isTheUngroupedRecord() {
    assertEquals(new OpSpec.Conv(8, 3, 3, 1, 1, true), new OpSpec.Conv(8, 3, 3, 1, 1, 1, true, 1));
  }
}
