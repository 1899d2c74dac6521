package netforge.examples.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import netforge.runtime.data.Cifar10;
import netforge.runtime.data.DatasetException;
import netforge.runtime.data.DatasetLocator;
import netforge.runtime.data.DatasetNotFoundException;
import netforge.runtime.data.FashionMnist;
import netforge.runtime.data.GrayscaleToRgb;
import netforge.runtime.data.ImageSet;
import netforge.runtime.data.Normalize;
import netforge.runtime.data.RandomCrop;
import netforge.runtime.data.RandomHorizontalFlip;
import netforge.runtime.data.Resize;
import netforge.runtime.data.Split;
import netforge.runtime.data.Transform;
import netforge.runtime.data.TransformPipeline;
import netforge.runtime.data.TransformPresets;

/**
 * The data sets the command line trains on, and the tutorial's pipelines adapted to a network's input: resize to
 * its size, grey repeated to RGB for a 3-channel network, CIFAR-10's crop and flip for training, then the
 * data set's normalisation.
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
   * Finds and reads {@code split}. Fashion-MNIST found nowhere falls back to the subset bundled with NetForge, and
   * says so on {@code notices}: the main job runs offline on a machine with nothing installed. Not when the user
   * named a directory ({@code --data}): that is used or the run fails, as the locator decides.
   */
  public ImageSet load(DatasetLocator locator, Split split, PrintStream notices) throws DatasetException {
    if (this == CIFAR10) {
      return locator.cifar10(split);
    }
    if (locator.dataDirectory().isPresent()) {
      return locator.fashionMnist(split);
    }
    try {
      return locator.fashionMnist(split);
    } catch (DatasetNotFoundException e) {
      ImageSet subset = FashionMnist.bundledSubset(split);
      notices.printf(Locale.ROOT, "note: the full Fashion-MNIST (%s) was not found, so this runs on the %,d-image "
          + "subset bundled with NetForge. For the full set: %s, or --data DIR.%n", split.label(), subset.size(),
          FashionMnist.DEBIAN_INSTALL_COMMAND);
      return subset;
    }
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
    int channels = inputShape[0];
    int height = inputShape[1];
    int width = inputShape[2];
    List<Transform> steps = new ArrayList<>();
    if (this == FASHION_MNIST) {
      if (height != 28 || width != 28) {
        steps.add(new Resize(height, width));
      }
      steps.add(new Normalize(TransformPresets.FASHION_MNIST_MEAN, TransformPresets.FASHION_MNIST_STD));
      if (channels == 3) {
        steps.add(new GrayscaleToRgb());
      } else if (channels != 1) {
        throw new IllegalArgumentException(title + " is grey; a network with " + channels
            + " input channels cannot take it");
      }
    } else {
      if (channels != 3) {
        throw new IllegalArgumentException(title + " is RGB; a network with " + channels
            + " input channel(s) cannot take it (use alexnet-cifar)");
      }
      if (height != 32 || width != 32) {
        steps.add(new Resize(height, width));
      }
      if (training) {
        steps.add(new RandomCrop(height, width, TransformPresets.CIFAR10_CROP_PADDING));
        steps.add(new RandomHorizontalFlip(0.5));
      }
      steps.add(new Normalize(TransformPresets.CIFAR10_MEAN, TransformPresets.CIFAR10_STD));
    }
    return TransformPipeline.of(steps.toArray(Transform[]::new));
  }

  @Override
  public String toString() {
    return id;
  }
}
