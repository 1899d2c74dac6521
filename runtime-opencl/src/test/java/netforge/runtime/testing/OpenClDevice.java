package netforge.runtime.testing;

import netforge.runtime.Device;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One device for all tests of a class: {@code @RegisterExtension static final OpenClDevice DEVICE = new
 * OpenClDevice();} opens it before the first test (skipping or failing the class as {@link OpenCl#open} decides)
 * and closes it after the last.
 */
public final class OpenClDevice implements BeforeAllCallback, AfterAllCallback {
  private Device device;

  @Override
  public void beforeAll(ExtensionContext context) {
    device = OpenCl.open();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (device != null) {
      device.close();
      device = null;
    }
  }

  public Device get() {
    if (device == null) {
      throw new IllegalStateException("the device is open only while the test class runs");
    }
    return device;
  }
}
