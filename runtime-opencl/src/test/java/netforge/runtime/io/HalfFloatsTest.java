package netforge.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HalfFloatsTest {
  @Test
  void f16_everyBitPattern_survivesWideningAndNarrowing() {
    for (int bits = 0; bits <= 0xffff; bits++) {
      String hex = Integer.toHexString(bits);
      float value = HalfFloats.f16ToFloat((short) bits);
      short back = HalfFloats.floatToF16(value);
      if (Float.isNaN(value)) {
        assertTrue(Float.isNaN(HalfFloats.f16ToFloat(back)), hex);
      } else {
        assertEquals(bits, back & 0xffff, hex);
      }
    }
  }

  @Test
  void f16_knownValues_matchIeee() {
    assertEquals(1.0f, HalfFloats.f16ToFloat((short) 0x3c00));
    assertEquals(-2.0f, HalfFloats.f16ToFloat((short) 0xc000));
    assertEquals(65504f, HalfFloats.f16ToFloat((short) 0x7bff));
    assertEquals(0x1p-24f, HalfFloats.f16ToFloat((short) 0x0001));
    assertEquals(0x1p-14f, HalfFloats.f16ToFloat((short) 0x0400));
    assertEquals(Float.POSITIVE_INFINITY, HalfFloats.f16ToFloat((short) 0x7c00));
    assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(HalfFloats.f16ToFloat((short) 0x8000)));
  }

  @Test
  void floatToF16_roundsToNearestTiesToEven() {
    assertEquals(0x3c00, f16(1.0f));
    assertEquals(0x3c00, f16(1 + 0x1p-11f), "tie between 1 and 1+2^-10 goes to the even 1");
    assertEquals(0x3c02, f16(1 + 3 * 0x1p-11f), "tie between odd and even goes to the even");
    assertEquals(0x7bff, f16(65519.99f));
    assertEquals(0x7c00, f16(65520f), "65520 is halfway to 65536 and rounds to infinity");
    assertEquals(0x0000, f16(0x1p-25f), "half the smallest subnormal ties to zero");
    assertEquals(0x0001, f16(0x1.000002p-25f));
    assertEquals(0x0002, f16(3 * 0x1p-25f));
    assertEquals(0x0400, f16(0x1.ffcp-15f), "rounding carries from subnormal into the smallest normal");
    assertEquals(0x8000, f16(-0x1p-30f), "a tiny negative keeps its sign");
    assertEquals(0xfc00, f16(Float.NEGATIVE_INFINITY));
    assertTrue(Float.isNaN(HalfFloats.f16ToFloat(HalfFloats.floatToF16(Float.NaN))));
  }

  @Test
  void floatToF16_randomFloats_areNearestHalf() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 1_000_000; i++) {
      float value = Float.intBitsToFloat(random.nextInt(0x477fe000)) * (random.nextBoolean() ? 1 : -1);
      int half = f16(value);
      double error = Math.abs((double) value - HalfFloats.f16ToFloat((short) half));
      for (int neighbour : new int[] {half - 1, half + 1}) {
        if ((neighbour & 0x7c00) == 0x7c00 || ((neighbour ^ half) & 0x8000) != 0) {
          continue;
        }
        double other = Math.abs((double) value - HalfFloats.f16ToFloat((short) neighbour));
        assertTrue(error < other || (error == other && (half & 1) == 0),
            () -> value + " -> " + Integer.toHexString(half) + " but " + Integer.toHexString(neighbour) + " is nearer");
      }
    }
  }

  @Test
  void bf16_isTheUpperHalfRoundedToEven() {
    assertEquals(0x3f80, bf16(1.0f));
    assertEquals(1.0f, HalfFloats.bf16ToFloat((short) 0x3f80));
    assertEquals(0x3f80, bf16(Float.intBitsToFloat(0x3f808000)), "tie goes to the even 0x3f80");
    assertEquals(0x3f82, bf16(Float.intBitsToFloat(0x3f818000)), "tie goes to the even 0x3f82");
    assertEquals(0x3f81, bf16(Float.intBitsToFloat(0x3f808001)));
    assertEquals(0x7f80, bf16(Float.MAX_VALUE), "the largest float rounds to infinity");
    assertTrue(Float.isNaN(HalfFloats.bf16ToFloat(HalfFloats.floatToBf16(Float.intBitsToFloat(0x7f800001)))),
        "a NaN whose payload is all in the low half stays NaN");
  }

  private static int f16(float value) {
    return HalfFloats.floatToF16(value) & 0xffff;
  }

  private static int bf16(float value) {
    return HalfFloats.floatToBf16(value) & 0xffff;
  }
}
