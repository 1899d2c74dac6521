package netforge.examples.numerics;

import java.util.Random;
import netforge.examples.probes.GroupsProbeModel;
import netforge.runtime.Model;
import netforge.runtime.testing.NeedsOpenCl;
import netforge.runtime.testing.OpenClDevice;
import netforge.runtime.tuning.Tunables;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Grouped convolutions on GEMMs with a scratch bound so small that each group's products run over several chunks of
 * images, the weight gradient of every group accumulating across them, and a register tile of 5 rows, which no
 * group's output channels (3) fill: the GroupsProbe against the double-precision reference, forward, loss and every
 * parameter gradient, as {@link KernelsMatchReferenceTest} does with the default tunables (one chunk per group).
 */
@NeedsOpenCl
class GroupedConvolutionChunksTest {
  @RegisterExtension static final OpenClDevice DEVICE = new OpenClDevice();

  /**
   * 2,000 floats of im2col scratch: chunks of 1 image for g1 (a patch of 2 x 9 values at 63 pixels) and of 3 for g4
   * (4 x 9 values at 15 pixels), so batches of 7 and 70 take several chunks per group, the last one partial. (The
   * depthwise layers have kernels of their own, without chunks.)
   */
  private static final Tunables SMALL_CHUNKS = new Tunables(5, 1, 1, 16, 2_000);

  @ParameterizedTest(name = "batch {0}")
  @ValueSource(ints = {7, 70})
  void groupsProbe_inSeveralChunksPerGroup_matchesReference(int batch) {
    try (Model model = GroupsProbeModel.create(DEVICE.get(), 3L, SMALL_CHUNKS)) {
      KernelsMatchReferenceTest.assertMatchesReference(model, batch, new Random(13L * batch));
    }
  }
}
