package netforge.examples.numerics;

import org.junit.jupiter.api.Test;

/**
 * The reference's backward pass with padding per axis ({@code ph != pw}), against central differences of its own
 * loss: a swapped ph and pw moves every border window. Pure double precision, no device.
 */
class PaddingReferenceMatchesCentralDifferencesTest {
  @Test
  void paddingProbe_gradientsOfParametersAndInput_matchCentralDifferences() {
    CentralDifferences.assertReferenceGradientsMatch("PaddingProbe", 13);
  }
}
