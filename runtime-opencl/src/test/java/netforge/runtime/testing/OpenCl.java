package netforge.runtime.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import netforge.runtime.Device;
import netforge.runtime.NoOpenClException;

/**
 * The device tests run on, for every module's tests (this class ships in runtime-opencl's test jar). Without an
 * OpenCL platform the tests are skipped, unless the system property {@value #REQUIRE} is true (CI sets it), where
 * a missing platform fails them. Classes that call it are tagged {@link NeedsOpenCl}.
 */
public final class OpenCl {
  /** The system property that turns a missing OpenCL platform from a skip into a failure. */
  public static final String REQUIRE = "nn.requireOpenCL";

  private OpenCl() {}

  public static Device open() {
    try {
      return Device.open();
    } catch (NoOpenClException e) {
      if (Boolean.getBoolean(REQUIRE)) {
        fail(REQUIRE + " is set but no OpenCL device could be opened: " + e.getMessage(), e);
      }
      assumeTrue(false, "no OpenCL device: " + e.getMessage());
      throw e;
    }
  }
}
