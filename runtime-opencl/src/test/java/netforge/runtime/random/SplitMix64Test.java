package netforge.runtime.random;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SplitMix64Test {
  /**
   * The JDK's SplittableRandom is SplitMix64: its first value from {@code seed} is the finaliser of
   * {@code seed + GOLDEN_GAMMA}. An independent implementation to compare with, bit for bit.
   */
  @Test
  void mix_ofTheSeedPlusTheGamma_isSplittableRandomsFirstValue() {
    for (long seed : new long[] {0, 1, -1, 42, Long.MIN_VALUE, Long.MAX_VALUE, 0x0123456789abcdefL}) {
      assertEquals(new SplittableRandom(seed).nextLong(), SplitMix64.mix(seed + SplitMix64.GOLDEN_GAMMA),
          "seed " + seed);
    }
  }
}
