package netforge.runtime.cl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClProgramTest {
  private static final String SOURCE = "typedef float real;\n__kernel void k(__global real* x) {\n  x[0] = y;\n}\n";

  @Test
  void offendingLines_pocLogFormat_showsTheLineWithACaret() {
    String log = "error: /root/.cache/pocl/kcache/tempfile_ab12.cl:3:10: use of undeclared identifier 'y'\n";
    String shown = ClProgram.offendingLines(log, SOURCE);
    assertTrue(shown.contains("     3 |   x[0] = y;"), shown);
    assertTrue(shown.contains("       |          ^"), shown);
  }

  @Test
  void offendingLines_clangLogFormat_showsTheLine() {
    String log = "<source>:3:10: error: use of undeclared identifier 'y'\n";
    assertTrue(ClProgram.offendingLines(log, SOURCE).contains("x[0] = y;"));
  }

  @Test
  void offendingLines_withoutLocations_isEmpty() {
    assertEquals("", ClProgram.offendingLines("Device failed to build the program\n", SOURCE));
  }
}
