package netforge.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A BatchNorm's tensor names: given, the field's, or {@code <field>.bn} beside a convolution or dense layer. */
class TensorNamesTest {
  private static final Op.BatchNorm UNNAMED = new Op.BatchNorm(1e-5, 0.1, "");

  @Test
  void batchNormAlone_takesTheFieldsName() {
    assertEquals(List.of(new Op.BatchNorm(1e-5, 0.1, "bn1")), TensorNames.resolveBatchNorms("bn1", List.of(UNNAMED)));
  }

  @Test
  void batchNormBesideAConvolutionOrDenseLayer_isTheFieldsBn() {
    Op conv = new Op.Conv(8, 3, 0, 0, 1, 1, false);
    Op relu = new Op.Relu();
    assertEquals(List.of(conv, new Op.BatchNorm(1e-5, 0.1, "conv1.bn"), relu),
        TensorNames.resolveBatchNorms("conv1", List.of(conv, UNNAMED, relu)));
    Op dense = new Op.Dense(10, 0, true);
    assertEquals(List.of(dense, new Op.BatchNorm(1e-5, 0.1, "fc.bn")),
        TensorNames.resolveBatchNorms("fc", List.of(dense, UNNAMED)));
  }

  @Test
  void batchNormBesideAPool_isTheOnlyStepWithParameters_soTakesTheFieldsName() {
    Op pool = new Op.Pool(Op.PoolKind.MAX, 2, 0, 0);
    assertEquals(List.of(pool, new Op.BatchNorm(1e-5, 0.1, "p1")),
        TensorNames.resolveBatchNorms("p1", List.of(pool, UNNAMED)));
  }

  @Test
  void givenName_isKept() {
    Op.BatchNorm named = new Op.BatchNorm(1e-3, 0.3, "layer1.0.bn1");
    assertEquals(List.of(new Op.Conv(8, 3, 0, 0, 1, 1, false), named),
        TensorNames.resolveBatchNorms("conv1", List.of(new Op.Conv(8, 3, 0, 0, 1, 1, false), named)));
  }

  @Test
  void validNames_arePyTorchModulePaths() {
    assertTrue(TensorNames.isValid("bn1"));
    assertTrue(TensorNames.isValid("layer1.0.bn1"));
    assertFalse(TensorNames.isValid(""));
    assertFalse(TensorNames.isValid("bn 1"));
    assertFalse(TensorNames.isValid(".bn"));
    assertFalse(TensorNames.isValid("bn."));
    assertFalse(TensorNames.isValid("a..b"));
  }
}
