package netforge.runtime.data;

/**
 * Derives the seed of one random stream from a tuple, e.g. (seed, epoch) for an epoch's shuffle or (seed, epoch,
 * image) for one image's augmentation, so each result depends on its tuple alone and never on which thread ran
 * first. Each part is folded in through SplitMix64's finaliser (Stafford's "Mix13", the one
 * {@link java.util.SplittableRandom} uses), which is a bijection with good avalanche, so nearby tuples give
 * unrelated seeds.
 */
final class Seeds {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private Seeds() {}

  static long derive(long... parts) {
    long h = GOLDEN_GAMMA;
    for (long part : parts) {
      h = mix64(h ^ mix64(part + GOLDEN_GAMMA)) + GOLDEN_GAMMA;
    }
    return h;
  }

  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
