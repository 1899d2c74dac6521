package netforge.processor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import netforge.processor.model.InferredNetwork;
import netforge.processor.model.LayerModel;
import netforge.processor.model.NetworkModel;
import netforge.processor.model.Op;
import netforge.processor.model.ShapeInference;
import org.junit.jupiter.api.Test;

/** Kernel grouping counted as tinygrad's check_schedule counts it: a reduction opens a stage, elementwise fuses. */
class FusionPlannerTest {
  private static final Op RELU = new Op.Relu();

  private static List<Stage> plan(LayerModel... layers) {
    InferredNetwork network = ShapeInference.infer(new NetworkModel("Net", 3, 16, 16, 10, List.of(layers)));
    return FusionPlanner.plan(network);
  }

  private static LayerModel layer(String name, Op... ops) {
    return new LayerModel(name, List.of(ops), "", 0);
  }

  private static Op conv(int out) {
    return new Op.Conv(out, 3, 0, 0, 1, 1, true);
  }

  @Test
  void convBiasRelu_isOneStage_withReluInItsEpilogue() {
    List<Stage> stages = plan(layer("c1", conv(8), RELU));
    assertEquals(1, stages.size());
    assertEquals(List.of(RELU), stages.get(0).epilogue());
    assertTrue(stages.get(0).biasOffset() >= 0);
  }

  @Test
  void twoConvReluPairs_areTwoStages() {
    assertEquals(2, plan(layer("c1", conv(8), RELU), layer("c2", conv(8), RELU)).size());
  }

  @Test
  void reluAlone_fusesIntoTheLayerBefore() {
    List<Stage> stages = plan(layer("c1", conv(8)), layer("r", RELU));
    assertEquals(1, stages.size());
    assertEquals(List.of(RELU), stages.get(0).epilogue());
  }

  @Test
  void dropoutBeforeDense_fusesIntoThePreviousStage_andFlattenMakesNoStage() {
    Op dropout = new Op.Dropout(0.5);
    List<Stage> stages = plan(layer("c1", conv(8), RELU), layer("pool", new Op.Pool(Op.PoolKind.MAX, 2, 0, 0)),
        layer("flat", new Op.Flatten()), layer("fc", dropout, new Op.Dense(10, 0, true)));
    assertEquals(3, stages.size(), "conv, pool, dense");
    assertEquals(List.of(dropout), stages.get(1).epilogue(), "the pool's kernel applies the dropout");
    assertTrue(stages.get(2).epilogue().isEmpty());
    assertEquals("act02", stages.get(2).input().name(), "the dense layer reads the pool's output, flattened");
  }

  @Test
  void activations_fuseIntoTheStageBefore_inTheOrderWritten() {
    Op gelu = new Op.Gelu();
    Op dropout = new Op.Dropout(0.2);
    Op tanh = new Op.Tanh();
    List<Stage> stages = plan(layer("c1", conv(8), gelu, dropout), layer("act", tanh),
        layer("fc", new Op.Dense(10, 0, true), new Op.Sigmoid()));
    assertEquals(2, stages.size(), "conv, dense: activations open no kernel");
    assertEquals(List.of(gelu, dropout, tanh), stages.get(0).epilogue());
    assertEquals("_gelu_dropout_tanh", stages.get(0).epilogueSuffix());
    assertEquals("_sigmoid", stages.get(1).epilogueSuffix());
  }

  @Test
  void preActivation_isStoredOnlyWhereTheDerivativeNeedsIt_andABackwardPassRuns() {
    List<Stage> stages = plan(layer("pool", new Op.Pool(Op.PoolKind.MAX, 2, 0, 0), new Op.Gelu()),
        layer("c1", conv(4), new Op.Silu()), layer("c2", conv(4), new Op.Tanh()),
        layer("fc", new Op.Dense(10, 0, true), new Op.LeakyRelu(-0.1)));
    assertFalse(stages.get(0).storesPreActivation(), "nothing before the pool learns: no backward pass there");
    assertTrue(stages.get(1).storesPreActivation());
    assertEquals("pre02", stages.get(1).preActivation().name());
    assertFalse(stages.get(2).storesPreActivation(), "tanh's derivative comes from its output");
    assertTrue(stages.get(3).storesPreActivation());
  }

  @Test
  void parameters_areLaidOutContiguously_weightBeforeBias() {
    List<Stage> stages = plan(layer("c1", conv(8), RELU), layer("fc", new Op.Dense(10, 0, true)));
    Stage c1 = stages.get(0);
    Stage fc = stages.get(1);
    assertEquals(0, c1.weightOffset());
    assertEquals(8 * 3 * 9, c1.biasOffset());
    assertEquals(8 * 3 * 9 + 8, fc.weightOffset());
    assertEquals(fc.weightOffset() + 10L * 8 * 16 * 16, fc.biasOffset());
  }

  @Test
  void inputGradient_isNeededOnlyAfterAStageWithParameters() {
    List<Stage> stages = plan(layer("pool", new Op.Pool(Op.PoolKind.MAX, 2, 0, 0)), layer("c1", conv(4)),
        layer("fc", new Op.Dense(10, 0, true)));
    assertFalse(stages.get(0).needsBackward(), "nothing before the pool learns");
    assertFalse(stages.get(1).needsInputGradient(), "the first learning layer needs no dX");
    assertTrue(stages.get(2).needsInputGradient());
  }

  @Test
  void convBatchNormRelu_isTwoStages_theReluFusedIntoTheBatchNorm() {
    Op bn = new Op.BatchNorm(1e-5, 0.1, "c1.bn");
    List<Stage> stages = plan(layer("c1", new Op.Conv(8, 3, 0, 0, 1, 1, false), bn, RELU), layer("c2", conv(8), RELU));
    assertEquals(3, stages.size(), "conv, its BatchNorm (with the batch's reductions), conv");
    assertTrue(stages.get(0).epilogue().isEmpty(), "the ReLU comes after the BatchNorm, not the convolution");
    assertEquals(bn, stages.get(1).reduction());
    assertEquals(List.of(RELU), stages.get(1).epilogue());
    assertEquals("c1", stages.get(1).layer());
    assertEquals(8 * 3 * 9, stages.get(1).weightOffset(), "the BatchNorm's weight after the bias-free conv's");
    assertEquals(8 * 3 * 9 + 8, stages.get(1).biasOffset());
    assertTrue(stages.get(2).needsInputGradient());
  }

  @Test
  void batchNormOnTheInput_learnsButNeedsNoInputGradient() {
    List<Stage> stages = plan(layer("norm", new Op.BatchNorm(1e-5, 0.1, "norm")), layer("c1", conv(4)));
    assertTrue(stages.get(0).needsBackward());
    assertFalse(stages.get(0).needsInputGradient());
    assertTrue(stages.get(1).needsInputGradient(), "the BatchNorm before it learns");
  }

  @Test
  void reluOnAnOutputOthersRead_getsAStageOfItsOwn_andTheOutputStaysUnchanged() {
    // stem feeds the ReLU layer and the add: fusing the ReLU into stem's kernel would change what the add reads
    List<Stage> stages = plan(layer("stem", conv(8)), layer("r", RELU), layer("sum", new Op.Add(List.of("stem", "r"))));
    assertEquals(3, stages.size(), "conv, the ReLU's own copy, the add");
    assertTrue(stages.get(0).epilogue().isEmpty(), "stem's output stays unchanged");
    assertEquals(List.of(RELU), stages.get(1).epilogue());
    assertEquals(stages.get(0).output(), stages.get(1).input());
    assertEquals(List.of(stages.get(0).output(), stages.get(1).output()),
        stages.get(2).inputs().stream().map(StageInput::buffer).toList());
  }

  @Test
  void branchFromTheInput_needsNoInputGradient_butItsReaderOfAParameterisedLayerDoes() {
    List<Stage> stages = plan(layer("a", conv(8)), layer("b", new Op.From("a"), conv(8)),
        layer("c", new Op.Concat(List.of("a", "b"))));
    assertFalse(stages.get(0).needsInputGradient(), "a reads the network's input");
    assertTrue(stages.get(1).needsInputGradient(), "b's input comes from a, which has weights");
    assertEquals(List.of(true, true), stages.get(2).inputs().stream().map(StageInput::needsGradient).toList());
  }
}
