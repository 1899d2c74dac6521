package netforge.examples.numerics;

import netforge.examples.probes.Probes;
import netforge.examples.probes.Probes.Probe;

import org.junit.jupiter.api.Test;

/**
 * The reference's grouped convolutions, forward and backward, against central differences of its own loss: a
 * grouped first layer, depthwise layers with and without a channel multiplier, and groups whose output channels
 * differ from their input channels. An output channel that read another group's input, or a weight index that took
 * all input channels instead of one group's, would show in every tensor's gradient. Pure double precision, no
 * device.
 */
class GroupsReferenceMatchesCentralDifferencesTest {
  @Test
  void groupsProbe_gradientsOfParametersAndInput_matchCentralDifferences() {
    Probe probe = Probes.all().stream().filter(p -> p.name().equals("GroupsProbe")).findFirst().orElseThrow();
    CentralDifferences.assertReferenceGradients(probe.spec(), 3, 17);
  }
}
