package netforge.examples.cli;

import netforge.runtime.data.BatchLoader;
import netforge.runtime.data.ImageSet;
import netforge.runtime.data.TransformPipeline;
import picocli.CommandLine.Option;

/** Epochs, batch size, seed and how many images: shared by {@code train} and {@code compare}. */
public final class TrainingOptions {
  @Option(names = "--epochs", paramLabel = "N", defaultValue = "2", description = "Default: ${DEFAULT-VALUE}.")
  public int epochs;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "128", description = "Default: ${DEFAULT-VALUE}.")
  int batch;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
      description = "Seeds the weights, the data order, augmentation and dropout. Default: ${DEFAULT-VALUE}.")
  public long seed;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
      description = "Train on the first N training images only; 0 takes them all.")
  public int limit;

  @Option(names = "--test-limit", paramLabel = "N", defaultValue = "0",
      description = "Test on the first N test images only; 0 takes them all.")
  public int testLimit;

  public BatchLoader loader(ImageSet images, TransformPipeline pipeline, boolean shuffle) {
    if (epochs < 1 || batch < 1 || limit < 0 || testLimit < 0) {
      throw new IllegalArgumentException("--epochs and --batch must be at least 1, --limit and --test-limit at "
          + "least 0");
    }
    BatchLoader.Builder b = BatchLoader.over(images).pipeline(pipeline).batchSize(batch).seed(seed)
        .shuffle(shuffle);
    if (limit > 0) {
      b.limit(Math.min(limit, images.size()));
    }
    return b.build();
  }

  public BatchLoader testLoader(ImageSet images, TransformPipeline pipeline) {
    BatchLoader.Builder b = BatchLoader.over(images).pipeline(pipeline).batchSize(batch).seed(seed).shuffle(false);
    if (testLimit > 0) {
      b.limit(Math.min(testLimit, images.size()));
    }
    return b.build();
  }
}
