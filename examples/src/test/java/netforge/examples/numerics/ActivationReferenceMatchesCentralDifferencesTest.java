package netforge.examples.numerics;

import netforge.examples.probes.Probes;
import netforge.examples.probes.Probes.Probe;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reference's derivatives of every activation (LeakyReLU of either sign of slope, tanh, sigmoid, GELU, SiLU),
 * alone and followed by dropout or ReLU, against central differences of its own loss: the kernels' gradients are
 * checked against this reference, so its backward pass must be right. Pure double precision, no device.
 */
class ActivationReferenceMatchesCentralDifferencesTest {
  private static final int BATCH = 3;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ActivationProbe", "ActivationChainProbe"})
  void activationProbe_gradientsOfParametersAndInput_matchCentralDifferences(String name) {
    Probe probe = Probes.all().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    CentralDifferences.assertReferenceGradients(probe.spec(), BATCH, 17);
  }
}
