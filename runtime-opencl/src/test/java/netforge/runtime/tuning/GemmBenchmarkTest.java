package netforge.runtime.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import netforge.runtime.Device;
import netforge.runtime.cl.LiveObjects;
import netforge.runtime.testing.NeedsOpenCl;
import netforge.runtime.testing.OpenClDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The GEMM benchmark builds the runtime's copy of the shared kernels and times their GEMM, on any network's behalf. */
@NeedsOpenCl
class GemmBenchmarkTest {
  @RegisterExtension
  static final OpenClDevice DEVICE = new OpenClDevice();

  @Test
  void gflops_ofARaggedProduct_isAPositiveRate_andEveryOpenClObjectIsReleased() {
    Device device = DEVICE.get();
    long before = LiveObjects.count();
    // sizes that are no multiple of any tile, so the packing and the partial strips run too
    double gflops = GemmBenchmark.gflops(device, Tunables.defaults(device.info().type()), 37, 53, 29, 2);
    assertTrue(gflops > 0 && Double.isFinite(gflops), "GFLOP/s " + gflops);
    assertEquals(before, LiveObjects.count(), "the program and the five buffers are closed again");
  }
}
