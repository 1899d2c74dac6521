package netforge.processor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import netforge.processor.model.LayerModel;
import netforge.processor.model.NetworkModel;
import netforge.processor.model.Op;
import netforge.processor.model.ShapeInference;
import org.junit.jupiter.api.Test;

/** The parameter layout the plan hands to the runtime: PyTorch's names and shapes, contiguous offsets. */
class ParameterTensorTest {

  @Test
  void convPoolDense_weightThenBias_contiguous_poolHasNone() {
    // 3x16x16 -> conv 8, k 3 -> [8, 14, 14] -> max pool 2 -> [8, 7, 7] -> dense 10
    List<Stage> stages = FusionPlanner.plan(ShapeInference.infer(new NetworkModel("Net", 3, 16, 16, 10, List.of(
        new LayerModel("c1", List.of(new Op.Conv(8, 3, 0, 0, 1, 0, true)), "", 0),
        new LayerModel("s2", List.of(new Op.Pool(Op.PoolKind.MAX, 2, 0, 0)), "", 0),
        new LayerModel("fc", List.of(new Op.Dense(10, 0, true)), "", 0)))));
    assertEquals(List.of(
        new ParameterTensor("c1.weight", List.of(8, 3, 3, 3), 0, 27),
        new ParameterTensor("c1.bias", List.of(8), 216, 27),
        new ParameterTensor("fc.weight", List.of(10, 392), 224, 392),
        new ParameterTensor("fc.bias", List.of(10), 4144, 392)), ParameterTensor.layout(stages));
  }

  @Test
  void groupedConv_weightIsPyTorchs_outByInPerGroup_andFanInIsOneGroupsWindow() {
    // 8x6x6 -> depthwise 3x3 with 2 outputs per channel -> [16, 6, 6] -> 1x1 in 4 groups -> [12, 6, 6]
    List<Stage> stages = FusionPlanner.plan(ShapeInference.infer(new NetworkModel("Net", 8, 6, 6, 10, List.of(
        new LayerModel("dw", List.of(new Op.Conv(16, 3, 0, 0, 1, 1, -1, -1, true, 8)), "", 0),
        new LayerModel("pw", List.of(new Op.Conv(12, 1, 0, 0, 1, 0, -1, -1, false, 4)), "", 0),
        new LayerModel("fc", List.of(new Op.Dense(10, 0, true)), "", 0)))));
    // as torch.nn.init computes it for nn.Conv2d(8, 16, 3, groups=8): fan_in = weight.size(1) * 3 * 3 = 9
    assertEquals(List.of(
        new ParameterTensor("dw.weight", List.of(16, 1, 3, 3), 0, 9),
        new ParameterTensor("dw.bias", List.of(16), 144, 9),
        new ParameterTensor("pw.weight", List.of(12, 4, 1, 1), 160, 4),
        new ParameterTensor("fc.weight", List.of(10, 432), 208, 432),
        new ParameterTensor("fc.bias", List.of(10), 4528, 432)), ParameterTensor.layout(stages));
  }
}
