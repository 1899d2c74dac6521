package netforge.runtime.data;

import static netforge.runtime.random.SplitMix64.GOLDEN_GAMMA;
import static netforge.runtime.random.SplitMix64.mix;

import netforge.runtime.random.SplitMix64;

/**
 * Derives the seed of one random stream from a tuple, e.g. (seed, epoch) for an epoch's shuffle or (seed, epoch,
 * image) for one image's augmentation, so each result depends on its tuple alone and never on which thread ran
 * first. Each part is folded in through {@link SplitMix64}'s finaliser, a bijection with good avalanche, so nearby
 * tuples give unrelated seeds.
 */
final class Seeds {
  private Seeds() {}

  static long derive(long... parts) {
    long h = GOLDEN_GAMMA;
    for (long part : parts) {
      h = mix(h ^ mix(part + GOLDEN_GAMMA)) + GOLDEN_GAMMA;
    }
    return h;
  }
}
