package netforge.runtime.cl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClProgramSetTest {
  private static final String MARKER = "// ---- ";
  private static final String SOURCE = String.join("\n",
      "// header comment",
      "typedef float real;",
      "// ---- shared",
      "__kernel void a(__global real* x) {}",
      "// ---- stage 1",
      "static inline real helper(real v) { return v; }",
      "__kernel void b(__global real* x) {}",
      "// ---- stage 2",
      "__kernel void c(__global real* x) {}",
      "");

  @Test
  void split_givesEachPartTheHeaderAndEveryNthSection() {
    List<String> parts = ClProgramSet.split(SOURCE, MARKER, 2);
    assertEquals(2, parts.size());
    for (String part : parts) {
      assertTrue(part.startsWith("// header comment\ntypedef float real;\n"), part);
    }
    assertTrue(parts.get(0).contains("void a(") && parts.get(0).contains("void c("), parts.get(0));
    assertTrue(parts.get(1).contains("helper") && parts.get(1).contains("void b("), parts.get(1));
    assertEquals(SOURCE.length() + "// header comment\ntypedef float real;\n".length(),
        parts.get(0).length() + parts.get(1).length(), "every section appears exactly once");
  }

  @Test
  void split_intoMorePartsThanSections_usesOnePerSection() {
    assertEquals(3, ClProgramSet.split(SOURCE, MARKER, 8).size());
  }

  @Test
  void split_intoOnePart_keepsTheSourceWhole() {
    assertEquals(List.of(SOURCE), ClProgramSet.split(SOURCE, MARKER, 1));
  }

  @Test
  void split_atAnotherMarker_findsNoSectionsAndKeepsTheSourceWhole() {
    assertEquals(List.of(SOURCE), ClProgramSet.split(SOURCE, "// #### ", 4));
  }

  @Test
  void split_atAnEmptyMarker_isRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClProgramSet.split(SOURCE, "", 2));
    assertTrue(e.getMessage().contains("empty section marker"), e.getMessage());
  }
}
