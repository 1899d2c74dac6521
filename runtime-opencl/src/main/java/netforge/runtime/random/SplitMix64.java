package netforge.runtime.random;

/**
 * SplitMix64's constants and finaliser (Stafford's "Mix13", the one {@link java.util.SplittableRandom} uses): a
 * bijection on 64-bit values with good avalanche, so nearby inputs give unrelated outputs. The host's seed
 * derivation and its copy of the kernels' dropout generator both build on it. The generated OpenCL has its own
 * rendering ({@code nf_mix}); the examples' kernel tests, whose reference network drops out through
 * {@code DropoutMask}, check that the two agree.
 */
public final class SplitMix64 {
  /** The odd constant SplitMix64 advances its state by: 2^64 divided by the golden ratio. */
  public static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private SplitMix64() {}

  /** The finaliser: a bijective mix of {@code z}. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
