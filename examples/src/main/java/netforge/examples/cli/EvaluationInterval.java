package netforge.examples.cli;

/**
 * How often {@code compare} tests during training, for its curves by images seen: by default about
 * {@value #POINTS} points per run, so that a two-epoch run shows the shape of its curves; never fewer than one per
 * epoch (a long run gets exactly that, and no test passes beyond the tutorial's).
 */
public final class EvaluationInterval {
  /** Points per run by default: enough to see a curve's shape, few enough that testing stays a small cost. */
  public static final int POINTS = 12;

  private EvaluationInterval() {}

  /** Refuses an interval of less than one step, before anything runs. */
  public static void requireValid(Integer chosen) {
    if (chosen != null && chosen < 1) {
      throw new IllegalArgumentException("--eval-every must be at least 1 step, not " + chosen);
    }
  }

  /** Training steps between test passes: {@code chosen} when the user gave one, else the default. */
  public static int steps(int epochs, int batchesPerEpoch, Integer chosen) {
    requireValid(chosen);
    if (chosen != null) {
      return chosen;
    }
    int total = epochs * batchesPerEpoch;
    return Math.max(1, Math.min(batchesPerEpoch, (total + POINTS - 1) / POINTS));
  }
}
