package netforge.runtime.data;

import java.util.List;
import java.util.function.Consumer;
import netforge.runtime.spec.NetworkSpec;

/**
 * A labelled data set to train and test a network on: its classes, its two splits, and how its images become a
 * network's inputs, both in batches ({@link #pipeline}) and one file at a time ({@link #imageInput}), the same way.
 *
 * <pre>{@code
 * Dataset fashion = Dataset.fashionMnist();            // found, downloaded, or the bundled subset (announced)
 * ImageSet train = fashion.load(Split.TRAIN);
 * BatchLoader batches = BatchLoader.over(train).pipeline(fashion.pipeline(LeNet5Model.SPEC, true)).build();
 * FloatImage input = fashion.imageInput(LeNet5Model.SPEC).read(Path.of("shirt.png"));
 * }</pre>
 *
 * <p>Fashion-MNIST and CIFAR-10 come from {@link #fashionMnist} and {@link #cifar10}; a directory of one
 * sub-directory per class from {@link ImageFolder}.
 */
public interface Dataset {
  /** What to call it in messages: {@code "Fashion-MNIST"}, {@code "CIFAR-10"}, an image folder's name. */
  String name();

  /** Label {@code i}'s name, known without reading any image. */
  List<String> classNames();

  /**
   * Reads {@code split}.
   *
   * @throws DatasetNotFoundException if its files are nowhere to be found
   * @throws DatasetException naming the file, if they are broken
   */
  ImageSet load(Split split) throws DatasetException;

  /**
   * The transforms that turn this data set's stored images into inputs of {@code networkInput}: resized, grey
   * repeated to RGB where the network takes colour, normalised as the data set is; with {@code training}, its
   * augmentation too.
   *
   * @throws IllegalArgumentException if a network of that input cannot take this data set's images, e.g. colour
   *     images and a one-channel network
   */
  TransformPipeline pipeline(ImageShape networkInput, boolean training);

  /** {@link #pipeline(ImageShape, boolean)} for {@code network}'s input. */
  default TransformPipeline pipeline(NetworkSpec network, boolean training) {
    return pipeline(ImageShape.inputOf(network), training);
  }

  /**
   * How one picture of any size, grey or colour, becomes an input of {@code networkInput} exactly as this data
   * set's test images do.
   *
   * @throws IllegalArgumentException as {@link #pipeline} does
   */
  ImageInput imageInput(ImageShape networkInput);

  /** {@link #imageInput(ImageShape)} for {@code network}'s input. */
  default ImageInput imageInput(NetworkSpec network) {
    return imageInput(ImageShape.inputOf(network));
  }

  /**
   * Fashion-MNIST as {@code locator} finds it: in the directory it was given and nowhere else, or else in Debian's
   * package directory, the download cache, or downloaded. When it was given no directory and finds the full set
   * nowhere, the subset bundled with NetForge ({@link FashionMnist#bundledSubset}) is read instead, and
   * {@code notices} is told so, so that nobody mistakes a run on 4,000 images for one on 60,000.
   */
  static Dataset fashionMnist(DatasetLocator locator, Consumer<String> notices) {
    return new FashionMnistDataset(locator, notices);
  }

  /** {@link #fashionMnist(DatasetLocator, Consumer)} with the default places and notices on standard error. */
  static Dataset fashionMnist() {
    return fashionMnist(DatasetLocator.builder().build(), System.err::println);
  }

  /** CIFAR-10 as {@code locator} finds it (there is no bundled subset: a missing set is an error). */
  static Dataset cifar10(DatasetLocator locator) {
    return new Cifar10Dataset(locator);
  }

  /** {@link #cifar10(DatasetLocator)} with the default places. */
  static Dataset cifar10() {
    return cifar10(DatasetLocator.builder().build());
  }
}
