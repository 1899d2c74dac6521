package netforge.examples.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import netforge.runtime.data.Cifar10;
import netforge.runtime.data.Dataset;
import netforge.runtime.data.DatasetException;
import netforge.runtime.data.DatasetLocator;
import netforge.runtime.data.FashionMnist;
import netforge.runtime.data.ImageFolder;
import netforge.runtime.data.ImageSet;
import netforge.runtime.data.ImageShape;
import netforge.runtime.data.TransformPipeline;

/**
 * A data set as users name it on the command line: {@code fashion-mnist}, {@code cifar10}, or {@code folder:DIR}
 * for their own pictures (one sub-directory per class). The runtime's {@link Dataset} does the work: finding the
 * files, Fashion-MNIST's bundled fallback, the pipelines adapted to a network's input.
 *
 * @param id the name in file names, e.g. a comparison's {@code <id>-curves.png}: {@code fashion-mnist},
 *     {@code cifar10}, or {@code folder-} and the folder's name
 * @param folder the directory of a {@code folder:DIR} data set; null for the two built-in ones
 */
public record DatasetChoice(String id, Path folder) {
  public static final DatasetChoice FASHION_MNIST = new DatasetChoice("fashion-mnist", null);
  public static final DatasetChoice CIFAR10 = new DatasetChoice("cifar10", null);
  /** What introduces a folder of the user's own images: {@code folder:pets}. */
  public static final String FOLDER_PREFIX = "folder:";
  /** What the help texts say {@code --dataset} takes. */
  public static final String CHOICES = "fashion-mnist, cifar10 or folder:DIR (your own images, one sub-directory "
      + "per class)";

  /** The folder a {@code folder:DIR} names, as a data set. */
  public static DatasetChoice folder(Path directory) {
    Path name = directory.toAbsolutePath().normalize().getFileName();
    return new DatasetChoice("folder-" + (name == null ? "root" : name), directory);
  }

  /**
   * Reads {@code fashion-mnist}, {@code cifar10} (and the spellings {@code fmnist}, {@code cifar-10},
   * {@code CIFAR_10}) or {@code folder:DIR}.
   *
   * @throws IllegalArgumentException naming the choices, for anything else
   */
  public static DatasetChoice parse(String text) {
    if (text.startsWith(FOLDER_PREFIX)) {
      String directory = text.substring(FOLDER_PREFIX.length());
      if (directory.isBlank()) {
        throw new IllegalArgumentException("'" + text + "' names no directory; write folder:DIR, e.g. folder:pets");
      }
      return folder(Path.of(directory));
    }
    String key = text.toLowerCase(Locale.ROOT).replace("_", "-").replace("cifar-10", "cifar10")
        .replace("fmnist", "fashion-mnist");
    for (DatasetChoice builtIn : new DatasetChoice[] {FASHION_MNIST, CIFAR10}) {
      if (builtIn.id.equals(key)) {
        return builtIn;
      }
    }
    throw new IllegalArgumentException("unknown dataset '" + text + "'; choose " + CHOICES);
  }

  /** Whether this is a folder of the user's own images. */
  public boolean isFolder() {
    return folder != null;
  }

  /** Its name in messages and chart titles: "Fashion-MNIST", "CIFAR-10", or the folder's name. */
  public String title() {
    if (isFolder()) {
      return id.substring("folder-".length());
    }
    return this.equals(CIFAR10) ? Cifar10.NAME : FashionMnist.NAME;
  }

  /**
   * The data set in the runtime's terms, for a network of input {@code networkInput}; what it has to say (the
   * bundled fallback, files left out or skipped) goes to {@code notices} as "note:" lines. Fashion-MNIST found
   * nowhere falls back to the subset bundled with NetForge, except when {@code locator} was given a directory
   * ({@code --data}): that is used or the run fails. A folder is listed now (its classes), decoded when loaded.
   *
   * @param testFraction the share of each class a folder without {@code train/} and {@code test/} holds out
   * @throws DatasetException if a folder is missing or has no classes, naming it
   */
  public Dataset open(DatasetLocator locator, double testFraction, ImageShape networkInput, PrintStream notices)
      throws DatasetException {
    if (isFolder()) {
      // Seed 0: every command, and every run of one, sees the same split of the same folder.
      return ImageFolder.builder(folder).imageShape(networkInput).testFraction(testFraction, 0)
          .notices(notice -> notices.println("note: " + notice)).build();
    }
    return this.equals(CIFAR10) ? Dataset.cifar10(locator)
        : Dataset.fashionMnist(locator, notice -> notices.println("note: " + notice));
  }

  /**
   * Prints where {@code images} came from, one line per split ("Fashion-MNIST train: 60,000 images from ..."), so
   * that a run shows which files it trains and tests on.
   */
  public static void printSource(ImageSet images, PrintStream out) {
    out.printf(Locale.ROOT, "%s: %,d images of %s from %s%n", images.name(), images.size(), images.shape(),
        images.source());
  }

  /**
   * The tutorial's pipeline for Fashion-MNIST or CIFAR-10, producing {@code inputShape} ({@code [c, h, w]}), as
   * tests build their loaders.
   */
  public TransformPipeline pipeline(int[] inputShape, boolean training) {
    if (isFolder()) {
      throw new IllegalStateException("a folder's pipeline comes from its opened data set");
    }
    Dataset dataset = this.equals(CIFAR10) ? Dataset.cifar10() : Dataset.fashionMnist();
    return dataset.pipeline(ImageShape.of(inputShape), training);
  }

  /** As the user typed it: {@code fashion-mnist}, {@code cifar10}, {@code folder:DIR}. */
  @Override
  public String toString() {
    return isFolder() ? FOLDER_PREFIX + folder : id;
  }
}
