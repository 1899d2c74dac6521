package netforge.examples.training;

import netforge.examples.cli.DatasetChoice;
import netforge.runtime.data.BatchLoader;
import netforge.runtime.data.FashionMnist;
import netforge.runtime.data.ImageSet;
import netforge.runtime.data.Split;
import netforge.runtime.data.TransformPipeline;

/**
 * Loaders over the Fashion-MNIST subset bundled with NetForge (real images, on the class path, no network or
 * installed package needed), prepared for a 1x28x28 network with the command line's pipeline.
 */
final class FashionSubset {
  private static final int[] GREY_28 = {1, 28, 28};

  private FashionSubset() {}

  /** The bundled training images, read once per test JVM. */
  static ImageSet trainImages() {
    return Holder.TRAIN;
  }

  static ImageSet testImages() {
    return Holder.TEST;
  }

  /** The first {@code images} training images in shuffled batches; {@code seed} decides order and nothing else. */
  static BatchLoader train(int images, int batchSize, long seed) {
    return BatchLoader.over(trainImages()).pipeline(pipeline(true)).batchSize(batchSize).seed(seed).limit(images)
        .build();
  }

  /** The first {@code images} test images, in stored order. */
  static BatchLoader test(int images, int batchSize) {
    return BatchLoader.over(testImages()).pipeline(pipeline(false)).batchSize(batchSize).shuffle(false)
        .limit(images).build();
  }

  static TransformPipeline pipeline(boolean training) {
    return DatasetChoice.FASHION_MNIST.pipeline(GREY_28, training);
  }

  /** Lazy holder: the sets are read on first use, once. */
  private static final class Holder {
    static final ImageSet TRAIN = FashionMnist.bundledSubset(Split.TRAIN);
    static final ImageSet TEST = FashionMnist.bundledSubset(Split.TEST);
  }
}
