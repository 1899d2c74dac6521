package netforge.runtime.data;

import java.util.Objects;
import java.util.SplittableRandom;
import netforge.runtime.spec.NetworkSpec;

/**
 * Cuts an {@link ImageSet} into batches of network inputs, epoch after epoch, like PyTorch's {@code DataLoader}
 * with {@code drop_last=False}: every image once per epoch, the last batch smaller when the size does not divide.
 *
 * <p>Everything is a function of the seed: epoch {@code e}'s order is a permutation drawn from (seed, e) alone, and
 * image {@code i}'s random augmentation in epoch {@code e} from (seed, e, i) alone, so batches are the same whatever
 * the timing of the thread that prepares them, and a run resumed from a checkpoint at (epoch, batch) sees the same
 * data as one that never stopped. {@link #epoch(int)} prepares the next batches on a background thread while the
 * caller computes on the current one.
 */
public final class BatchLoader {
  private final ImageSet images;
  private final TransformPipeline pipeline;
  private final int batchSize;
  private final long seed;
  private final boolean shuffle;
  private final int limit;
  private final ImageShape inputShape;

  private BatchLoader(Builder builder) {
    this.images = builder.images;
    this.pipeline = builder.pipeline;
    this.batchSize = builder.batchSize;
    this.seed = builder.seed;
    this.shuffle = builder.shuffle;
    this.limit = builder.limit < 0 ? images.size() : builder.limit;
    this.inputShape = pipeline.outputShape(images.shape());
  }

  /** A loader over {@code images}; by default batches of 128, shuffled, seed 0, every image, no transforms. */
  public static Builder over(ImageSet images) {
    return new Builder(images);
  }

  public ImageSet images() {
    return images;
  }

  /** The shape of one prepared image (one network input). */
  public ImageShape inputShape() {
    return inputShape;
  }

  /** The transforms each image goes through. */
  public TransformPipeline pipeline() {
    return pipeline;
  }

  /**
   * Checks that the images this loader prepares are what {@code network} takes, so that a data set of another size
   * fails here, naming its files, rather than being cut into the network's input size and trained on at chance.
   * {@link netforge.runtime.train.Trainer} checks its loaders with it before the first step; call it before feeding
   * batches to a model yourself.
   *
   * @return this loader
   * @throws InputShapeMismatchException if they differ: the message names the source, both shapes and the transform
   *     that would fit them
   */
  public BatchLoader requireInputOf(NetworkSpec network) {
    InputShapeMismatchException mismatch = InputShapeMismatchException.of(this, network);
    if (mismatch != null) {
      throw mismatch;
    }
    return this;
  }

  public int batchSize() {
    return batchSize;
  }

  /** Images per epoch: the first {@code limit} of the set, or all of it. */
  public int imagesPerEpoch() {
    return limit;
  }

  /** Batches per epoch, counting a last partial one. */
  public int batchesPerEpoch() {
    return (limit + batchSize - 1) / batchSize;
  }

  /**
   * The order epoch {@code epoch} visits the images in: a permutation of 0 .. {@code imagesPerEpoch() - 1} that
   * depends only on (seed, epoch), or the identity without shuffling. A trainer can store it with a checkpoint.
   */
  public int[] order(int epoch) {
    int[] order = new int[limit];
    for (int i = 0; i < limit; i++) {
      order[i] = i;
    }
    if (shuffle) {
      SplittableRandom random = new SplittableRandom(Seeds.derive(seed, 1, epoch)); // 1: the shuffle stream
      for (int i = limit - 1; i > 0; i--) { // Fisher-Yates
        int j = random.nextInt(i + 1);
        int swap = order[i];
        order[i] = order[j];
        order[j] = swap;
      }
    }
    return order;
  }

  /** Batch {@code index} of epoch {@code epoch}, prepared on the calling thread. */
  public Batch batch(int epoch, int index) {
    return prepare(order(epoch), epoch, index);
  }

  /** The batches of epoch {@code epoch}, prepared ahead on a background thread. Close it when done. */
  public EpochBatches epoch(int epoch) {
    return epoch(epoch, 0);
  }

  /** The batches of epoch {@code epoch} from batch {@code firstBatch} on, e.g. to resume from a checkpoint. */
  public EpochBatches epoch(int epoch, int firstBatch) {
    if (firstBatch < 0 || firstBatch > batchesPerEpoch()) {
      throw new IllegalArgumentException("batch " + firstBatch + " is outside the epoch's 0.." + batchesPerEpoch());
    }
    return new EpochBatches(this, epoch, order(epoch), firstBatch);
  }

  Batch prepare(int[] order, int epoch, int index) {
    if (index < 0 || index >= batchesPerEpoch()) {
      throw new IllegalArgumentException("batch " + index + " is outside the epoch's 0.." + (batchesPerEpoch() - 1));
    }
    int start = index * batchSize;
    int count = Math.min(batchSize, limit - start);
    int size = inputShape.size();
    float[] inputs = new float[count * size];
    int[] labels = new int[count];
    int[] imageIndices = new int[count];
    for (int n = 0; n < count; n++) {
      int image = order[start + n];
      SplittableRandom random = new SplittableRandom(Seeds.derive(seed, 2, epoch, image)); // 2: augmentation
      FloatImage prepared = pipeline.apply(images, image, random);
      System.arraycopy(prepared.values(), 0, inputs, n * size, size);
      labels[n] = images.labels()[image];
      imageIndices[n] = image;
    }
    return new Batch(epoch, index, inputs, labels, imageIndices, count);
  }

  @Override
  public String toString() {
    return "batches of " + batchSize + " from " + limit + " images of " + images.name() + (shuffle ? ", shuffled"
        : "") + ", seed " + seed + ": " + pipeline;
  }

  /** Settings of a {@link BatchLoader}. */
  public static final class Builder {
    private final ImageSet images;
    private TransformPipeline pipeline = TransformPipeline.of();
    private int batchSize = 128;
    private long seed;
    private boolean shuffle = true;
    private int limit = -1;

    private Builder(ImageSet images) {
      this.images = Objects.requireNonNull(images);
    }

    public Builder pipeline(TransformPipeline pipeline) {
      this.pipeline = Objects.requireNonNull(pipeline);
      return this;
    }

    public Builder batchSize(int batchSize) {
      if (batchSize < 1) {
        throw new IllegalArgumentException("the batch size must be at least 1, not " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Whether each epoch visits the images in a new random order (true) or in stored order (false, for testing). */
    public Builder shuffle(boolean shuffle) {
      this.shuffle = shuffle;
      return this;
    }

    /** Use only the first {@code limit} images of the set, as the tutorial trains on its first N. */
    public Builder limit(int limit) {
      if (limit < 0 || limit > images.size()) {
        throw new IllegalArgumentException("cannot limit " + images.name() + " to " + limit + " of its "
            + images.size() + " images");
      }
      this.limit = limit;
      return this;
    }

    /**
     * @throws IllegalArgumentException if the pipeline cannot take the set's images, or there are none to load (an
     *     epoch of no batches would train nothing and report a loss and accuracy of 0)
     */
    public BatchLoader build() {
      if (images.size() == 0 || limit == 0) {
        throw new IllegalArgumentException(images.name() + " from " + images.source() + ": "
            + (images.size() == 0 ? "has no images" : "limited to 0 images") + "; a loader needs at least one");
      }
      return new BatchLoader(this);
    }
  }
}
