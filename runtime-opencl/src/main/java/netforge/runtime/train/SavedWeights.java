package netforge.runtime.train;

/**
 * Which weights a training run writes into its output directory besides its history. An AlexNet's weights are
 * 233 MB, and a checkpoint holds the optimizer's state too (twice as much again for Adam): a demo run that keeps
 * everything for seven optimizers writes gigabytes, so what to keep is the caller's choice.
 */
public enum SavedWeights {
  /**
   * The checkpoint of the last epoch ({@value Trainer#CHECKPOINT}, with the optimizer's state: the run can be
   * resumed), the best epoch's weights ({@value Trainer#BEST}) and the final ones ({@value Trainer#FINAL}).
   */
  ALL(true, true, true),
  /** Only the weights of the epoch with the best test accuracy ({@value Trainer#BEST}); the run cannot be resumed. */
  BEST(false, true, false),
  /** Only the weights after the last epoch ({@value Trainer#FINAL}); the run cannot be resumed. */
  LAST(false, false, true),
  /** No weights, only the history; the run cannot be resumed. */
  NONE(false, false, false);

  private final boolean checkpoint;
  private final boolean best;
  private final boolean last;

  SavedWeights(boolean checkpoint, boolean best, boolean last) {
    this.checkpoint = checkpoint;
    this.best = best;
    this.last = last;
  }

  /** Whether each epoch's checkpoint is written, which is what makes a run resumable. */
  public boolean checkpoint() {
    return checkpoint;
  }

  public boolean best() {
    return best;
  }

  public boolean last() {
    return last;
  }
}
