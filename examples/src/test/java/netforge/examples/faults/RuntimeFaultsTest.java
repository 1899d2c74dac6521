package netforge.examples.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netforge.examples.alexnet.AlexNetModel;
import netforge.runtime.Device;
import netforge.runtime.DeviceMemoryException;
import netforge.runtime.cl.ClBuildException;
import netforge.runtime.cl.ClProgram;
import netforge.runtime.cl.Profiler;
import netforge.runtime.testing.NeedsOpenCl;
import netforge.runtime.testing.OpenCl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when the device cannot do what was asked: each fault gets a message that says what to do. */
@NeedsOpenCl
class RuntimeFaultsTest {

  @Test
  void batchTooLargeForTheDevice_saysWhatItNeedsAndWhatFits() {
    try (Device device = OpenCl.open(); AlexNetModel model = AlexNetModel.create(device, 1)) {
      DeviceMemoryException e = assertThrows(DeviceMemoryException.class, () -> model.forward(new float[1], 500_000));
      String m = e.getMessage();
      assertTrue(m.contains("ran out of memory at batch 500000") && m.contains("needs about")
          && m.contains("GiB on " + device.info().name()), m);
      int fits = model.engine().largestBatchWithin(device.info().globalMemoryBytes());
      assertTrue(fits > 0 && fits < 500_000, "largest batch " + fits);
      assertTrue(m.contains("--batch " + fits + " or smaller"), m);
      assertTrue(model.engine().bytesFor(fits) <= device.info().globalMemoryBytes());
      assertTrue(model.engine().bytesFor(fits + 1) > device.info().globalMemoryBytes());
    }
  }

  @Test
  void kernelThatDoesNotBuild_showsTheLogAndTheLine() {
    String source = "__kernel void broken(__global float* x) {\n  x[0] = undeclared_value;\n}\n";
    try (Device device = OpenCl.open()) {
      ClBuildException e = assertThrows(ClBuildException.class,
          () -> ClProgram.build(device, "Broken.cl", source, "", null, new Profiler()));
      String m = e.getMessage();
      assertTrue(m.contains("Broken.cl failed to build on " + device.info().name()), m);
      assertTrue(m.contains("undeclared_value"), "the build log: " + m);
      assertTrue(m.contains("     2 |   x[0] = undeclared_value;"), "the offending source line: " + m);
    }
  }

  @Test
  void noOpenClPlatform_namesTheInstallCommand_andExitsWith3(@TempDir Path noDrivers)
      throws IOException, InterruptedException {
    // ocl-icd looks for drivers in OCL_ICD_VENDORS instead of /etc/OpenCL/vendors: an empty directory has none.
    ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "netforge.examples.cli.NetforgeCli", "devices");
    child.environment().put("OCL_ICD_VENDORS", noDrivers.toString());
    child.redirectErrorStream(true);
    Process process = child.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(3, process.exitValue(), output);
    assertTrue(output.contains("No OpenCL platform") && output.contains("apt-get install -y ocl-icd-libopencl1"),
        output);
    assertTrue(!output.contains("\tat "), "no stack trace: " + output);
  }
}
