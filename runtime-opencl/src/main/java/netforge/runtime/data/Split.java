package netforge.runtime.data;

/** Which part of a data set: the images to train on, or the held-out images to test on. */
public enum Split {
  TRAIN,
  TEST;

  /** "train" or "test", as messages and file descriptions say it. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
