package netforge.processor.model;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import netforge.processor.model.Op.PoolKind;
import org.junit.jupiter.api.Test;

/** Shapes flowing through a small network, and an error shape that stops the flow instead of spreading. */
class ShapeInferenceTest {
  /** LeNet-like: [1, 28, 28] -> conv 6x5x5 -> pool 2 -> dense 10. */
  private static NetworkModel lenet(Op conv) {
    return new NetworkModel("Small", 1, 28, 28, 10, List.of(
        new LayerModel("conv1", List.of(conv, new Op.Relu()), "@Conv @ReLU", 1),
        new LayerModel("pool1", List.of(new Op.Pool(PoolKind.MAX, 2, 0, 0)), "@MaxPool(k = 2)", 2),
        new LayerModel("fc", List.of(new Op.Dropout(0.5), new Op.Dense(10, 0, true)), "@Dropout @Dense", 3)));
  }

  private static Op.Conv conv(int k) {
    return new Op.Conv(6, k, 0, 0, 1, 0, true);
  }

  @Test
  void smallNetwork_infersEveryShape() {
    InferredNetwork network = ShapeInference.infer(lenet(conv(5)));
    assertThat(network.layers().stream().map(InferredLayer::out).toList()).containsExactly(
        Shape.spatial(6, 24, 24), Shape.spatial(6, 12, 12), Shape.flat(10)).inOrder();
    assertThat(network.layers().get(1).in()).isEqualTo(Shape.spatial(6, 24, 24));
    assertThat(network.output()).isEqualTo(Shape.flat(10));
  }

  @Test
  void smallNetwork_countsParametersAndFlops() {
    InferredNetwork network = ShapeInference.infer(lenet(conv(5)));
    assertThat(network.layers().stream().map(InferredLayer::parameters).toList())
        .containsExactly(6L * 25 + 6, 0L, 864L * 10 + 10).inOrder();
    assertThat(network.parameters()).isEqualTo(156L + 8650L);
    assertThat(network.flops()).isEqualTo(2L * 6 * 24 * 24 * 25 + 2L * 10 * 864);
  }

  @Test
  void smallNetwork_recordsEachStepWithItsShapes() {
    InferredNetwork network = ShapeInference.infer(lenet(conv(5)));
    List<InferredOp> steps = network.ops();
    assertThat(steps).hasSize(5);
    InferredOp dense = steps.get(4);
    assertThat(dense.layer()).isEqualTo(2);
    assertThat(dense.index()).isEqualTo(1);
    assertThat(dense.in()).isEqualTo(Shape.spatial(6, 12, 12));
    assertThat(dense.out()).isEqualTo(Shape.flat(10));
  }

  @Test
  void errorShape_flowsToTheEndWithoutParameters() {
    InferredNetwork network = ShapeInference.infer(lenet(conv(29)));
    assertThat(network.layers().stream().map(InferredLayer::out).toList())
        .containsExactly(Shape.ERROR, Shape.ERROR, Shape.ERROR);
    // Only the broken step has a real input; every step after it sees the error, so no check reports it again.
    assertThat(network.ops().stream().filter(op -> !op.in().isError()).map(InferredOp::op).toList())
        .containsExactly(conv(29));
    assertThat(network.layers().get(2).parameters()).isEqualTo(0L);
  }

  @Test
  void input_nonPositiveOrPastTheLimit_isAnErrorShape() {
    assertThat(new NetworkModel("N", 0, 28, 28, 10, List.of()).input()).isEqualTo(Shape.ERROR);
    assertThat(new NetworkModel("N", 3, 30_000, 30_000, 10, List.of()).input()).isEqualTo(Shape.ERROR);
    assertThat(new NetworkModel("N", 3, 227, 227, 10, List.of()).input()).isEqualTo(Shape.spatial(3, 227, 227));
  }
}
