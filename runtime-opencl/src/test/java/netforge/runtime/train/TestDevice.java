package netforge.runtime.train;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import netforge.runtime.Device;
import netforge.runtime.NoOpenClException;

/**
 * The device the optimizer tests run on. Without an OpenCL platform they are skipped, unless the system property
 * {@code nn.requireOpenCL} is true (CI sets it), where a missing platform fails them.
 */
final class TestDevice {
  private TestDevice() {}

  static Device open() {
    try {
      return Device.open();
    } catch (NoOpenClException e) {
      if (Boolean.getBoolean("nn.requireOpenCL")) {
        fail("nn.requireOpenCL is set but no OpenCL device could be opened: " + e.getMessage(), e);
      }
      assumeTrue(false, "no OpenCL device: " + e.getMessage());
      throw e;
    }
  }
}
