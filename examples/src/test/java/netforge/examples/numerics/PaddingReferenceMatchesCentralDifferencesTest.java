package netforge.examples.numerics;

import netforge.examples.probes.Probes;
import netforge.examples.probes.Probes.Probe;
import org.junit.jupiter.api.Test;

/**
 * The reference's backward pass with padding per axis ({@code ph != pw}), against central differences of its own
 * loss: the kernels are checked against this reference, so its gradients must be right where the padding differs
 * between the axes (a swapped ph and pw moves every border window). Pure double precision, no device.
 */
class PaddingReferenceMatchesCentralDifferencesTest {
  private static final int BATCH = 3;

  @Test
  void paddingProbe_gradientsOfParametersAndInput_matchCentralDifferences() {
    Probe probe = Probes.all().stream().filter(p -> p.name().equals("PaddingProbe")).findFirst().orElseThrow();
    CentralDifferences.assertReferenceGradients(probe.spec(), BATCH, 13);
  }
}
