package netforge.examples.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.OpSpec;
import netforge.runtime.spec.ParamSpec;
import netforge.runtime.spec.StateSpec;
import org.junit.jupiter.api.Test;

/**
 * What the processor made of the BatchNorms, without a device: PyTorch's names for their tensors (the field's, the
 * field's {@code .bn} beside a layer, or the one given), a weight and a bias per channel among the parameters, and the
 * running statistics and step counts as state.
 */
class BatchNormProbeSpecTest {
  private static final NetworkSpec SPEC = BatchNormProbeModel.SPEC;

  @Test
  void batchNorms_carryTheirTensorNamesAndSettings() {
    assertEquals(new OpSpec.BatchNorm("norm0", 1e-5, 0.1), SPEC.layers().get(0).ops().get(0));
    assertEquals(new OpSpec.BatchNorm("c1.bn", 1e-5, 0.1), SPEC.layers().get(1).ops().get(1));
    assertEquals(new OpSpec.BatchNorm("bn2", 1e-3, 0.3), SPEC.layers().get(3).ops().get(2));
    assertEquals(new OpSpec.BatchNorm("fc1.bn", 1e-5, 0.1), SPEC.layers().get(4).ops().get(1));
  }

  @Test
  void parameters_countAWeightAndABiasPerChannel() {
    assertEquals(List.of("norm0.weight", "norm0.bias", "c1.weight", "c1.bn.weight", "c1.bn.bias", "c2.weight",
        "c2.bias", "bn2.weight", "bn2.bias", "fc1.weight", "fc1.bias", "fc1.bn.weight", "fc1.bn.bias", "out.weight",
        "out.bias"), SPEC.parameters().stream().map(ParamSpec::name).toList());
    // 3 + 3; 189 + 7 + 7; 140 + 5 + 5 + 5; 330 + 11 + 11 + 11; 55 + 5
    assertEquals(787, SPEC.parameterCount());
    assertEquals(203, SPEC.layers().get(1).parameterCount());
  }

  @Test
  void state_isTheRunningStatisticsAndStepCounts_inPyTorchsNames() {
    assertEquals(List.of("norm0.running_mean", "norm0.running_var", "norm0.num_batches_tracked",
        "c1.bn.running_mean", "c1.bn.running_var", "c1.bn.num_batches_tracked", "bn2.running_mean", "bn2.running_var",
        "bn2.num_batches_tracked", "fc1.bn.running_mean", "fc1.bn.running_var", "fc1.bn.num_batches_tracked"),
        SPEC.state().stream().map(StateSpec::name).toList());
    assertEquals(2 * (3 + 7 + 5 + 11), SPEC.stateValueCount());
    assertEquals(4, SPEC.stateCounterCount());
  }
}
