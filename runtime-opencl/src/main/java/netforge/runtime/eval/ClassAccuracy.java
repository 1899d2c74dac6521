package netforge.runtime.eval;

/**
 * One class's share of a {@link ConfusionMatrix}: how many of its images there were and how many were predicted as
 * it.
 *
 * @param name the class's name
 * @param images the images whose true class it is
 * @param correct those of them predicted as it
 */
public record ClassAccuracy(String name, long images, long correct) {
  public ClassAccuracy {
    if (images < 0 || correct < 0 || correct > images) {
      throw new IllegalArgumentException(name + ": " + correct + " correct of " + images + " images is impossible");
    }
  }

  /** {@code correct / images} (the class's recall); NaN when the class has no images. */
  public double accuracy() {
    return images == 0 ? Double.NaN : (double) correct / images;
  }
}
