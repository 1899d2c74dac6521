package netforge.runtime.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Fashion-MNIST with the fallback to its bundled subset, and the tutorial's preprocessing adapted to any network:
 * resized to its size, normalised with mean 0.5 and std 0.5, the grey repeated to RGB for a 3-channel network.
 */
final class FashionMnistDataset implements Dataset {
  private final DatasetLocator locator;
  private final Consumer<String> notices;

  FashionMnistDataset(DatasetLocator locator, Consumer<String> notices) {
    this.locator = locator;
    this.notices = notices;
  }

  @Override
  public String name() {
    return FashionMnist.NAME;
  }

  @Override
  public List<String> classNames() {
    return FashionMnist.CLASS_NAMES;
  }

  /**
   * The full set found by the locator, or the bundled subset, announced: a program then runs offline on a machine
   * with nothing installed. Not when the locator was given a directory: that is used or the load fails, so that a
   * mistyped path never trains on other data than the user named.
   */
  @Override
  public ImageSet load(Split split) throws DatasetException {
    if (locator.dataDirectory().isPresent()) {
      return locator.fashionMnist(split);
    }
    try {
      return locator.fashionMnist(split);
    } catch (DatasetNotFoundException e) {
      ImageSet subset = FashionMnist.bundledSubset(split);
      notices.accept(String.format(Locale.ROOT, "the full Fashion-MNIST (%s) was not found, so the %,d-image "
          + "subset bundled with NetForge is used instead. For the full set: %s, or a directory holding its files "
          + "(--data DIR; DatasetLocator.Builder.dataDirectory in code).", split.label(), subset.size(),
          FashionMnist.DEBIAN_INSTALL_COMMAND));
      return subset;
    }
  }

  @Override
  public TransformPipeline pipeline(ImageShape networkInput, boolean training) {
    List<Transform> steps = new ArrayList<>();
    if (networkInput.height() != FashionMnist.SIZE || networkInput.width() != FashionMnist.SIZE) {
      steps.add(new Resize(networkInput.height(), networkInput.width()));
    }
    steps.add(new Normalize(TransformPresets.FASHION_MNIST_MEAN, TransformPresets.FASHION_MNIST_STD));
    if (networkInput.channels() == 3) {
      steps.add(new GrayscaleToRgb());
    } else if (networkInput.channels() != 1) {
      throw new IllegalArgumentException(name() + " is grey; a network with " + networkInput.channels()
          + " input channels cannot take it");
    }
    return new TransformPipeline(steps);
  }

  @Override
  public ImageInput imageInput(ImageShape networkInput) {
    return ImageInput.resizingFirst(1, networkInput, pipeline(networkInput, false));
  }

  @Override
  public String toString() {
    return name();
  }
}
