package netforge.examples.probes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import netforge.runtime.Device;
import netforge.runtime.cl.ClProgram;
import netforge.runtime.cl.Profiler;
import netforge.runtime.testing.NeedsOpenCl;
import netforge.runtime.testing.OpenCl;
import netforge.runtime.tuning.Tunables;
import org.junit.jupiter.api.Test;

/** The 64-bit im2col offsets that only huge images need are generated, and the OpenCL compiler accepts them. */
@NeedsOpenCl
class HugeImageProbeTest {
  @Test
  void hugeImage_im2colUses64BitOffsets_andTheProgramBuilds() throws IOException {
    String source;
    try (InputStream in = HugeImageProbe.class.getResourceAsStream("HugeImageProbeModel.cl")) {
      source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(source.contains("const long16 at = select((long16)(0), convert_long16(img) * 1073741824L"),
        "conv1's im2col offsets are 64-bit");
    try (Device device = OpenCl.open();
        ClProgram program = ClProgram.build(device, "HugeImageProbeModel.cl", source,
            Tunables.CPU_DEFAULT.buildOptions(), null, new Profiler())) {
      program.kernel("hugeimageprobe_f01_im2col");
    }
  }
}
