package netforge.processor.kernel;

import java.nio.file.Path;
import netforge.processor.Goldens;
import org.junit.jupiter.api.Test;

/**
 * The runtime's {@code SharedKernelArguments} (used by generated models and by the GEMM benchmark) is the rendering
 * of the shared kernels' declarations here: one declaration per kernel, even for the one class that has to live in
 * the runtime's sources.
 */
class SharedKernelArgumentsTest {
  private static final Path RUNTIME_COPY =
      Path.of("../runtime-opencl/src/main/java/netforge/runtime/kernel/SharedKernelArguments.java");

  @Test
  void runtimeCopy_isTheRenderingOfTheSharedDeclarations() {
    Goldens.assertMatches(RUNTIME_COPY, ArgumentClassWriter.sharedKernelArguments().toString());
  }
}
