package netforge.runtime.data;

import java.util.ArrayList;
import java.util.List;

/**
 * CIFAR-10 and the tutorial's preprocessing adapted to any 3-channel network: resized to its size; for training a
 * random crop of the zero-padded image and a random horizontal flip; normalised with CIFAR-10's channel statistics.
 */
final class Cifar10Dataset implements Dataset {
  private final DatasetLocator locator;

  Cifar10Dataset(DatasetLocator locator) {
    this.locator = locator;
  }

  @Override
  public String name() {
    return Cifar10.NAME;
  }

  @Override
  public List<String> classNames() {
    return Cifar10.CLASS_NAMES;
  }

  @Override
  public ImageSet load(Split split) throws DatasetException {
    return locator.cifar10(split);
  }

  @Override
  public TransformPipeline pipeline(ImageShape networkInput, boolean training) {
    if (networkInput.channels() != Cifar10.CHANNELS) {
      throw new IllegalArgumentException(name() + " is RGB; a network with " + networkInput.channels()
          + " input channel(s) cannot take it");
    }
    int height = networkInput.height();
    int width = networkInput.width();
    List<Transform> steps = new ArrayList<>();
    if (height != Cifar10.SIZE || width != Cifar10.SIZE) {
      steps.add(new Resize(height, width));
    }
    if (training) {
      steps.add(new RandomCrop(height, width, TransformPresets.CIFAR10_CROP_PADDING));
      steps.add(new RandomHorizontalFlip(0.5));
    }
    steps.add(new Normalize(TransformPresets.CIFAR10_MEAN, TransformPresets.CIFAR10_STD));
    return new TransformPipeline(steps);
  }

  @Override
  public ImageInput imageInput(ImageShape networkInput) {
    return ImageInput.resizingFirst(Cifar10.CHANNELS, networkInput, pipeline(networkInput, false));
  }

  @Override
  public String toString() {
    return name();
  }
}
