package netforge.runtime.internal;

import static netforge.runtime.random.SplitMix64.mix;

/**
 * The dropout generator of generated kernels ({@code nf_keep}), in Java: a counter-based hash of (seed, step,
 * key, element), so any pass can regenerate any mask and a run is reproducible. The key of a dropout step is
 * {@code 16 * stage + position}, where {@code stage} is the 1-based index of the reduction (convolution, dense,
 * pooling, LRN) it follows and {@code position} its place among the elementwise steps after that reduction;
 * {@code element} is the flat index into the stage's output for the whole batch.
 */
public final class DropoutMask {
  private DropoutMask() {}

  /** Whether the element survives dropout with probability {@code p} of being dropped. */
  public static boolean keep(long seed, int step, int key, long element, double p) {
    long threshold = Math.min(Math.round(p * 4294967296.0), 0xffffffffL);
    long h = mix(mix(mix(seed + (key & 0xffffffffL)) + (step & 0xffffffffL)) + element);
    return (h >>> 32) >= threshold;
  }

  /** The key of the dropout at {@code position} after the reduction of stage {@code stage}. */
  public static int key(int stage, int position) {
    return 16 * stage + position;
  }
}
