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
  void batchNorms_weightOnesBiasZeros_namedAsResolved_withRunningStatisticsAsState() {
    // 3x16x16 -> BatchNorm -> conv 4 without bias, BatchNorm -> [4, 14, 14] -> dense 10, BatchNorm1d "head"
    List<Stage> stages = FusionPlanner.plan(ShapeInference.infer(new NetworkModel("Net", 3, 16, 16, 10, List.of(
        new LayerModel("norm", List.of(new Op.BatchNorm(1e-5, 0.1, "norm")), "", 0),
        new LayerModel("c1", List.of(new Op.Conv(4, 3, 0, 0, 1, 0, false), new Op.BatchNorm(1e-5, 0.1, "c1.bn")), "",
            0),
        new LayerModel("fc", List.of(new Op.Dense(10, 0, true), new Op.BatchNorm(1e-5, 0.1, "head")), "", 0)))));
    assertEquals(List.of(
        new ParameterTensor("norm.weight", List.of(3), 0, 1, ParameterTensor.Init.ONES),
        new ParameterTensor("norm.bias", List.of(3), 3, 1, ParameterTensor.Init.ZEROS),
        new ParameterTensor("c1.weight", List.of(4, 3, 3, 3), 6, 27),
        new ParameterTensor("c1.bn.weight", List.of(4), 114, 1, ParameterTensor.Init.ONES),
        new ParameterTensor("c1.bn.bias", List.of(4), 118, 1, ParameterTensor.Init.ZEROS),
        new ParameterTensor("fc.weight", List.of(10, 784), 122, 784),
        new ParameterTensor("fc.bias", List.of(10), 7962, 784),
        new ParameterTensor("head.weight", List.of(10), 7972, 1, ParameterTensor.Init.ONES),
        new ParameterTensor("head.bias", List.of(10), 7982, 1, ParameterTensor.Init.ZEROS)),
        ParameterTensor.layout(stages));
    assertEquals(List.of(
        new StateTensor("norm.running_mean", List.of(3), 0, StateTensor.Kind.RUNNING_MEAN, 1),
        new StateTensor("norm.running_var", List.of(3), 3, StateTensor.Kind.RUNNING_VAR, 1),
        new StateTensor("norm.num_batches_tracked", List.of(), 0, StateTensor.Kind.BATCHES_TRACKED, 1),
        new StateTensor("c1.bn.running_mean", List.of(4), 6, StateTensor.Kind.RUNNING_MEAN, 3),
        new StateTensor("c1.bn.running_var", List.of(4), 10, StateTensor.Kind.RUNNING_VAR, 3),
        new StateTensor("c1.bn.num_batches_tracked", List.of(), 1, StateTensor.Kind.BATCHES_TRACKED, 3),
        new StateTensor("head.running_mean", List.of(10), 14, StateTensor.Kind.RUNNING_MEAN, 5),
        new StateTensor("head.running_var", List.of(10), 24, StateTensor.Kind.RUNNING_VAR, 5),
        new StateTensor("head.num_batches_tracked", List.of(), 2, StateTensor.Kind.BATCHES_TRACKED, 5)),
        StateTensor.layout(stages));
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
