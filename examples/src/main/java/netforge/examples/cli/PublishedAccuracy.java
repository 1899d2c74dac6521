package netforge.examples.cli;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import netforge.runtime.train.OptimizerKind;

/**
 * The test accuracies the tutorial published for its experiment, 20 epochs on every training image of each data
 * set, which {@code compare --full} prints beside its own. Only a run of that length is comparable with them.
 */
public final class PublishedAccuracy {
  /** The tutorial's epochs per run. */
  public static final int EPOCHS = 20;

  /** A data set's published results and how many training images they came from. */
  private record Published(int trainImages, Map<OptimizerKind, Double> percent) {}

  /** The tutorial's seven, in the order of its tables. */
  private static final List<OptimizerKind> ORDER = List.of(OptimizerKind.SGD, OptimizerKind.MOMENTUM,
      OptimizerKind.NAG, OptimizerKind.ADAGRAD, OptimizerKind.ADADELTA, OptimizerKind.RMSPROP, OptimizerKind.ADAM);

  private static final Map<String, Published> BY_DATASET = Map.of(
      DatasetChoice.FASHION_MNIST.id(), published(60_000, 85.60, 91.78, 92.31, 89.82, 84.68, 89.61, 91.74),
      DatasetChoice.CIFAR10.id(), published(50_000, 55.85, 83.63, 84.15, 62.07, 50.11, 76.76, 79.24));

  private PublishedAccuracy() {}

  private static Published published(int trainImages, double... percent) {
    Map<OptimizerKind, Double> byKind = new EnumMap<>(OptimizerKind.class);
    for (int i = 0; i < ORDER.size(); i++) {
      byKind.put(ORDER.get(i), percent[i]);
    }
    return new Published(trainImages, byKind);
  }

  /** The published test accuracy in percent, or empty for an optimizer or data set the tutorial did not run. */
  public static OptionalDouble percent(DatasetChoice dataset, OptimizerKind kind) {
    Published p = BY_DATASET.get(dataset.id());
    return p == null || !p.percent().containsKey(kind) ? OptionalDouble.empty()
        : OptionalDouble.of(p.percent().get(kind));
  }

  /**
   * Why a run of {@code epochs} epochs on {@code trainImages} images per epoch is not the tutorial's run, in a
   * sentence; empty when it is (or when the tutorial has no results for the data set).
   */
  public static Optional<String> differenceFromTutorial(DatasetChoice dataset, int epochs, int trainImages) {
    Published p = BY_DATASET.get(dataset.id());
    if (p == null || (epochs == EPOCHS && trainImages == p.trainImages())) {
      return Optional.empty();
    }
    return Optional.of(String.format(java.util.Locale.ROOT, "%s here: %d epochs of %,d training images; the "
        + "tutorial's: %d epochs of %,d. The differences are not like for like.", dataset.title(), epochs, trainImages,
        EPOCHS, p.trainImages()));
  }
}
