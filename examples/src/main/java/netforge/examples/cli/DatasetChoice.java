package netforge.examples.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import netforge.runtime.data.Cifar10;
import netforge.runtime.data.Dataset;
import netforge.runtime.data.DatasetException;
import netforge.runtime.data.DatasetLocator;
import netforge.runtime.data.FashionMnist;
import netforge.runtime.data.ImageSet;
import netforge.runtime.data.ImageShape;
import netforge.runtime.data.Split;
import netforge.runtime.data.TransformPipeline;

/**
 * The data sets the command line trains on, by the names users type; the runtime's {@link Dataset} does the work
 * (finding the files, the bundled fallback, the tutorial's pipelines adapted to a network's input).
 */
public enum DatasetChoice {
  FASHION_MNIST("fashion-mnist", FashionMnist.NAME, FashionMnist.CLASS_NAMES),
  CIFAR10("cifar10", Cifar10.NAME, Cifar10.CLASS_NAMES);

  private final String id;
  private final String title;
  private final List<String> classes;

  DatasetChoice(String id, String title, List<String> classes) {
    this.id = id;
    this.title = title;
    this.classes = classes;
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public List<String> classes() {
    return classes;
  }

  public static DatasetChoice parse(String text) {
    String key = text.toLowerCase(Locale.ROOT).replace("_", "-").replace("cifar-10", "cifar10")
        .replace("fmnist", "fashion-mnist");
    for (DatasetChoice d : values()) {
      if (d.id.equals(key)) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown dataset '" + text + "'; choose fashion-mnist or cifar10");
  }

  /**
   * The data set in the runtime's terms. Fashion-MNIST found nowhere falls back to the subset bundled with NetForge
   * and says so on {@code notices} (not when the user named a directory, {@code --data}: that is used or the run
   * fails).
   */
  public Dataset open(DatasetLocator locator, PrintStream notices) {
    return this == CIFAR10 ? Dataset.cifar10(locator)
        : Dataset.fashionMnist(locator, notice -> notices.println("note: " + notice));
  }

  /** Finds and reads {@code split}, as {@link #open} says. */
  public ImageSet load(DatasetLocator locator, Split split, PrintStream notices) throws DatasetException {
    return open(locator, notices).load(split);
  }

  /**
   * Prints where {@code images} came from, one line per split ("Fashion-MNIST train: 60,000 images from ..."), so
   * that a run shows which files it trains and tests on.
   */
  public static void printSource(ImageSet images, PrintStream out) {
    out.printf(Locale.ROOT, "%s: %,d images of %s from %s%n", images.name(), images.size(), images.shape(),
        images.source());
  }

  /** The tutorial's pipeline for this data set, producing {@code inputShape} ({@code [c, h, w]}). */
  public TransformPipeline pipeline(int[] inputShape, boolean training) {
    return open(DatasetLocator.builder().build(), System.out).pipeline(ImageShape.of(inputShape), training);
  }

  @Override
  public String toString() {
    return id;
  }
}
