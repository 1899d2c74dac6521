package netforge.runtime.train;

/**
 * What a run does when its output directory already holds a run (any of its history, checkpoint or weights files).
 * The default refuses: a finished run is never replaced by accident.
 */
public enum ExistingRun {
  /** Refuse to start, naming what is there. */
  REFUSE,
  /** Continue from the checkpoint; refuse when there is none. */
  RESUME,
  /** Continue from the checkpoint when there is one, else start a new run (for scripts that restart themselves). */
  RESUME_IF_PRESENT,
  /** Delete the run's files and start a new run. */
  OVERWRITE;

  boolean resumes() {
    return this == RESUME || this == RESUME_IF_PRESENT;
  }
}
