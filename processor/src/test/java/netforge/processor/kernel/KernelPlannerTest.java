package netforge.processor.kernel;

import static netforge.processor.kernel.ScratchUse.BATCH;
import static netforge.processor.kernel.ScratchUse.fixed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import netforge.processor.kernel.ScratchUse.ChunkColumns;
import netforge.processor.kernel.ScratchUse.ColumnBlock;
import netforge.processor.kernel.ScratchUse.ColumnStrips;
import netforge.processor.kernel.ScratchUse.Extent;
import netforge.processor.kernel.ScratchUse.RowStrips;
import org.junit.jupiter.api.Test;

/** The plan of a small network, built from the model classes: stages, buffers with their sizes, every offset. */
class KernelPlannerTest {
  private final KernelPlan plan = SmallNetworks.convPoolDensePlan();

  @Test
  void stages_areConvPoolDense_namedAfterTheirLayers() {
    assertEquals(List.of("c1", "pool", "fc"), plan.stages().stream().map(Stage::layer).toList());
    assertEquals(3, plan.kernels().size(), "one kernel group per stage");
    assertEquals("act03", plan.logits().name(), "the last stage's output holds the logits");
    assertEquals("Net", plan.network());
    assertEquals("NetModel.cl", plan.resourceName());
  }

  @Test
  void buffers_areListedInOrder_withTheirSizesPerImage() {
    assertEquals(List.of("input", "act01", "act02", "argmax02", "act03", "gradA", "gradB", "scratchA", "scratchB",
        "scratchW", "scratchC", "labels", "rowLoss", "rowPred"),
        plan.buffers().stream().map(b -> b.name().name()).toList());
    Map<String, PlannedBuffer.Size> sizes = plan.buffers().stream()
        .collect(Collectors.toMap(b -> b.name().name(), PlannedBuffer::size));
    assertEquals(new PlannedBuffer.PerImage(64), sizes.get("input"));
    assertEquals(new PlannedBuffer.PerImage(256), sizes.get("act01"));
    assertEquals(new PlannedBuffer.PerImage(64), sizes.get("act02"));
    assertEquals(new PlannedBuffer.PerImage(16), sizes.get("argmax02"), "64 window positions, a byte each");
    assertEquals(new PlannedBuffer.PerImage(10), sizes.get("act03"));
    assertEquals(new PlannedBuffer.PerImage(256), sizes.get("gradA"), "dX of the pool: the conv's output");
    assertEquals(new PlannedBuffer.PerImage(64), sizes.get("gradB"), "dX of the dense layer: the pool's output");
    assertEquals(new PlannedBuffer.PerRow(), sizes.get("labels"));
  }

  /**
   * The conv (1 -> 4 channels, 3x3 over 8x8: a 9-deep patch, 64 pixels) and the dense layer (64 -> 10) each add
   * their packed operands, the conv's in im2col chunks of 576 floats per image; the conv, the first stage, needs
   * no input gradient, so no column gradient either.
   */
  @Test
  void scratchBuffers_holdTheLargestOfTheStagesUses() {
    Map<String, PlannedBuffer.Size> sizes = plan.buffers().stream()
        .collect(Collectors.toMap(b -> b.name().name(), PlannedBuffer::size));
    Extent chunk = new ChunkColumns(576, 64);
    assertEquals(new PlannedBuffer.LargestOf(List.of(new RowStrips(fixed(4), chunk), new RowStrips(fixed(10), BATCH),
        new RowStrips(BATCH, fixed(10)))), sizes.get("scratchA"), "dZ of the conv and dense layer, then dense dZ");
    assertEquals(new PlannedBuffer.LargestOf(List.of(new ColumnStrips(chunk, fixed(9)),
        new ColumnStrips(fixed(9), chunk), new ColumnStrips(BATCH, fixed(64)), new ColumnStrips(fixed(64), BATCH))),
        sizes.get("scratchB"), "im2col forward and for dW, then the dense input both ways");
    assertEquals(new PlannedBuffer.LargestOf(List.of(new RowStrips(fixed(4), fixed(9)), new ColumnBlock(64, 10))),
        sizes.get("scratchW"), "the conv's weights, then blocks of the dense weights for dX");
    assertEquals(new PlannedBuffer.LargestOf(List.of()), sizes.get("scratchC"));
  }

  @Test
  void parameterLayout_hasEveryOffset_weightBeforeBias() {
    assertEquals(List.of(
        new ParameterTensor("c1.weight", List.of(4, 1, 3, 3), 0, 9),
        new ParameterTensor("c1.bias", List.of(4), 36, 9),
        new ParameterTensor("fc.weight", List.of(10, 64), 40, 64),
        new ParameterTensor("fc.bias", List.of(10), 680, 64)), plan.parameters());
  }

  @Test
  void plan_isImmutable_andEqualForTheSameNetwork() {
    assertThrows(UnsupportedOperationException.class, () -> plan.stages().clear());
    assertThrows(UnsupportedOperationException.class, () -> plan.buffers().clear());
    assertThrows(UnsupportedOperationException.class, () -> plan.parameters().clear());
    KernelPlan again = SmallNetworks.convPoolDensePlan();
    assertEquals(plan.stages(), again.stages());
    assertEquals(plan.buffers(), again.buffers());
  }
}
