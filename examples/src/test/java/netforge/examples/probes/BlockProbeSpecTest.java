package netforge.examples.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import netforge.runtime.spec.LayerSpec;
import netforge.runtime.spec.ParamSpec;
import org.junit.jupiter.api.Test;

/** A block's use expands into its layers, named after the use, with the use's width and stride. */
class BlockProbeSpecTest {
  @Test
  void layersAndTensors_areNamedAfterTheirUse() {
    List<String> layers = BlockProbeModel.SPEC.layers().stream().map(LayerSpec::name).toList();
    assertEquals(List.of("stem", "layer1.conv1", "layer1.conv2", "layer1.out", "layer2.conv1", "layer2.conv2",
        "layer2.downsample", "layer2.out", "layer2.1.conv1", "layer2.1.conv2", "layer2.1.out", "pool", "fc"), layers);
    List<String> tensors = BlockProbeModel.SPEC.parameters().stream().map(ParamSpec::name).toList();
    assertEquals(List.of("stem.weight", "stem.bn.weight", "stem.bn.bias", "layer1.conv1.weight", "layer1.conv1.bias",
        "layer1.conv2.weight", "layer1.bn2.weight", "layer1.bn2.bias", "layer2.conv1.weight", "layer2.conv1.bias",
        "layer2.conv2.weight", "layer2.bn2.weight", "layer2.bn2.bias", "layer2.downsample.weight",
        "layer2.downsample.bn.weight", "layer2.downsample.bn.bias", "layer2.1.conv1.weight", "layer2.1.conv1.bias",
        "layer2.1.conv2.weight", "layer2.1.bn2.weight", "layer2.1.bn2.bias", "fc.weight", "fc.bias"), tensors);
    assertEquals(List.of("stem.bn", "layer1.bn2", "layer2.bn2", "layer2.downsample.bn", "layer2.1.bn2"),
        BlockProbeModel.SPEC.state().stream().map(s -> s.name().substring(0, s.name().lastIndexOf('.')))
            .distinct().toList());
  }

  @Test
  void eachUse_takesItsOwnWidthAndStride() {
    LayerSpec conv1 = BlockProbeModel.SPEC.layers().get(4);
    assertEquals("@Conv(out = 6, k = 3, s = 2, p = 1) @ReLU", conv1.description());
    assertEquals(List.of(6, 5, 5), java.util.Arrays.stream(conv1.outputShape()).boxed().toList());
    assertEquals(6 * 4 * 9 + 6, conv1.parameterCount());
    assertEquals(List.of("layer2.conv2", "layer2.downsample"), BlockProbeModel.SPEC.layers().get(7).inputs());
  }
}
