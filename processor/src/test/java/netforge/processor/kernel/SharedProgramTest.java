package netforge.processor.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import netforge.processor.Goldens;
import org.junit.jupiter.api.Test;

/**
 * The runtime's GEMM benchmark builds {@code shared-kernels.cl}, not a network's program: that copy must be the
 * rendering of the shared kernels here, and every network's program must hold the very same kernels, so that what
 * the tuner times is what the networks run.
 */
class SharedProgramTest {
  private static final Path RUNTIME_COPY =
      Path.of("../runtime-opencl/src/main/resources/netforge/runtime/tuning").resolve(OpenClRenderer.SHARED_PROGRAM);

  @Test
  void runtimeCopy_isTheRenderingOfTheSharedKernels() {
    Goldens.assertMatches(RUNTIME_COPY, OpenClRenderer.sharedProgram());
  }

  @Test
  void everyProgram_holdsTheSharedProgramsHeaderAndKernels() {
    String shared = OpenClRenderer.sharedProgram();
    String program = OpenClRenderer.render(SmallNetworks.convPoolDensePlan(), "test.Net");
    // all but the two lines that name the file: the header's macros and helpers, then the shared section
    String body = shared.substring(shared.indexOf("\n// Tunables:") + 1);
    assertTrue(program.contains(body), "the network's program differs from the shared program after its header");
  }
}
