package netforge.examples.numerics;

import netforge.examples.probes.Probes;
import netforge.examples.probes.Probes.Probe;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reference's backward pass through a graph, against central differences of its own loss: adds, a
 * concatenation, outputs read by several layers, whose gradients the reference sums (a missed or doubled reader
 * changes the gradient of every parameter before it by a term of order 1), and blocks used at two widths. Pure
 * double precision, no device.
 */
class GraphReferenceMatchesCentralDifferencesTest {
  private static final int BATCH = 3;

  @ParameterizedTest
  @ValueSource(strings = {"GraphProbe", "BlockProbe"})
  void gradientsOfParametersAndInput_matchCentralDifferences(String name) {
    Probe probe = Probes.all().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    CentralDifferences.assertReferenceGradients(probe.spec(), BATCH, 13);
  }
}
