package netforge.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import netforge.runtime.spec.NetworkSpec;
import org.junit.jupiter.api.Test;

class NonFiniteValuesTest {
  private static final NetworkSpec TINY = TestNetworks.tiny("Tiny", 2);

  @Test
  void finiteValues_nameNothing() {
    assertEquals(Optional.empty(), NonFiniteValues.describeFirst(TINY, TestNetworks.countingValues(TINY)));
  }

  /** conv1.weight is values 0-17, conv1.bias 18-19, fc.weight 20-73: the index is within the tensor. */
  @Test
  void nanAndInfinity_nameTheFirstTensorHoldingThem_andWhere() {
    float[] values = TestNetworks.countingValues(TINY);
    values[25] = Float.NaN;
    values[30] = Float.NaN;
    values[73] = Float.NEGATIVE_INFINITY;
    assertEquals(Optional.of("fc.weight holds NaN or infinity in 3 of its 54 values (the first at index 5)"),
        NonFiniteValues.describeFirst(TINY, values));
    values = TestNetworks.countingValues(TINY);
    values[19] = Float.POSITIVE_INFINITY;
    assertEquals(Optional.of("conv1.bias holds infinity in 1 of its 2 values (the first at index 1)"),
        NonFiniteValues.describeFirst(TINY, values));
  }
}
