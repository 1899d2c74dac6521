package netforge.runtime.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdaptiveWindowsTest {
  @Test
  void windows_arePyTorchs_floorStartCeilEnd() {
    for (int in = 1; in <= 20; in++) {
      for (int out = 1; out <= 20; out++) {
        AdaptiveWindows windows = new AdaptiveWindows(in, out);
        for (int i = 0; i < out; i++) {
          assertEquals((int) Math.floor((double) i * in / out), windows.start(i), in + " -> " + out + " at " + i);
          assertEquals((int) Math.ceil((double) (i + 1) * in / out), windows.end(i), in + " -> " + out + " at " + i);
        }
      }
    }
  }

  @Test
  void multiples_andSomeOthers_areRegularPooling() {
    AdaptiveWindows halving = new AdaptiveWindows(12, 6);
    assertTrue(halving.regular());
    assertEquals(2, halving.kernel());
    assertEquals(2, halving.stride());
    AdaptiveWindows overlapping = new AdaptiveWindows(7, 3); // [0,3) [2,5) [4,7)
    assertTrue(overlapping.regular());
    assertEquals(3, overlapping.kernel());
    assertEquals(2, overlapping.stride());
    AdaptiveWindows torchvision = new AdaptiveWindows(13, 6); // torchvision AlexNet's: windows of 3 at stride 2
    assertTrue(torchvision.regular());
    assertEquals(3, torchvision.kernel());
    assertEquals(2, torchvision.stride());
    AdaptiveWindows global = new AdaptiveWindows(5, 1);
    assertTrue(global.regular());
    assertEquals(5, global.kernel());
  }

  @Test
  void unevenWindows_areNotRegular() {
    assertFalse(new AdaptiveWindows(5, 3).regular()); // sizes 2, 3, 2
    assertFalse(new AdaptiveWindows(4, 6).regular()); // AlexNetCifar's 4 -> 6: sizes 1, 2, 1, 1, 2, 1
    assertFalse(new AdaptiveWindows(1, 6).regular()); // one input copied six times: equal sizes, but stride 0
    assertFalse(new AdaptiveWindows(2, 6).regular()); // windows 0,0,0,1,1,1: stride 0 between the first two
    assertFalse(new AdaptiveWindows(3, 6).regular()); // sizes 1, 1, 1, 1, 1, 1 but starts 0, 0, 1, 1, 2, 2
  }

  @Test
  void averagingMatrix_averagesEachWindow_andItsTransposeMatches() {
    AdaptiveWindows windows = new AdaptiveWindows(5, 3);
    float[] rows = windows.averagingRows();
    float[] columns = windows.averagingColumns();
    float[][] expected = {{0.5f, 0.5f, 0, 0, 0}, {0, 1 / 3f, 1 / 3f, 1 / 3f, 0}, {0, 0, 0, 0.5f, 0.5f}};
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 5; j++) {
        assertEquals(expected[i][j], rows[i * 5 + j], "row " + i + ", input " + j);
        assertEquals(expected[i][j], columns[j * 3 + i], "column " + i + ", input " + j);
      }
    }
  }
}
