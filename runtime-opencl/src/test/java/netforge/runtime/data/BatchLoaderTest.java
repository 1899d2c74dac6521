package netforge.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import netforge.runtime.spec.NetworkSpec;
import org.junit.jupiter.api.Test;

/** Batches: their order, their content, their determinism, and the background thread's life. */
class BatchLoaderTest {
  /** 103 CIFAR-shaped images; image i's pixels start at i, its label is i mod 10. */
  static ImageSet images(int count) {
    byte[] pixels = new byte[count * Cifar10.IMAGE_BYTES];
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = i % 10;
      for (int p = 0; p < Cifar10.IMAGE_BYTES; p++) {
        pixels[i * Cifar10.IMAGE_BYTES + p] = (byte) (i + p * 13);
      }
    }
    return new ImageSet("test images", 3, 32, 32, pixels, labels, Cifar10.CLASS_NAMES, "made by BatchLoaderTest");
  }

  private static final ImageSet SET = images(103);

  private static BatchLoader.Builder cifarTrain() {
    return BatchLoader.over(SET).pipeline(TransformPresets.cifar10Train()).batchSize(10).seed(7);
  }

  private static List<Batch> drain(EpochBatches batches, long pauseMillis) throws InterruptedException {
    List<Batch> all = new ArrayList<>();
    try (batches) {
      while (batches.hasNext()) {
        all.add(batches.next());
        Thread.sleep(pauseMillis); // a slow consumer lets the queue fill up; a fast one keeps it empty
      }
    }
    return all;
  }

  private static void assertSameBatches(List<Batch> expected, List<Batch> actual) {
    assertEquals(expected.size(), actual.size());
    for (int b = 0; b < expected.size(); b++) {
      assertEquals(expected.get(b).count(), actual.get(b).count());
      assertArrayEquals(expected.get(b).imageIndices(), actual.get(b).imageIndices(), "batch " + b);
      assertArrayEquals(expected.get(b).labels(), actual.get(b).labels(), "batch " + b);
      assertArrayEquals(expected.get(b).inputs(), actual.get(b).inputs(), "batch " + b);
    }
  }

  @Test
  void sameSeed_sameBatches_whateverTheTiming() throws InterruptedException {
    List<Batch> fast = drain(cifarTrain().build().epoch(3), 0);
    List<Batch> slow = drain(cifarTrain().build().epoch(3), 5);
    assertSameBatches(fast, slow);
    List<Batch> direct = new ArrayList<>();
    BatchLoader loader = cifarTrain().build();
    for (int b = 0; b < loader.batchesPerEpoch(); b++) {
      direct.add(loader.batch(3, b));
    }
    assertSameBatches(fast, direct);
  }

  @Test
  void everyImageOncePerEpoch_lastBatchPartial() throws InterruptedException {
    BatchLoader loader = cifarTrain().build();
    assertEquals(11, loader.batchesPerEpoch());
    List<Batch> batches = drain(loader.epoch(0), 0);
    assertEquals(11, batches.size());
    int[] seen = new int[SET.size()];
    for (Batch batch : batches) {
      assertEquals(batch.index() == 10 ? 3 : 10, batch.count());
      assertEquals(batch.count() * 3 * 32 * 32, batch.inputs().length);
      for (int n = 0; n < batch.count(); n++) {
        seen[batch.imageIndices()[n]]++;
        assertEquals(SET.labels()[batch.imageIndices()[n]], batch.labels()[n]);
      }
    }
    int[] once = new int[SET.size()];
    Arrays.fill(once, 1);
    assertArrayEquals(once, seen);
  }

  @Test
  void epochs_haveDifferentOrders_thatDependOnlyOnSeedAndEpoch() {
    BatchLoader loader = cifarTrain().build();
    int[] first = loader.order(0);
    assertFalse(Arrays.equals(first, loader.order(1)));
    assertArrayEquals(first, cifarTrain().build().order(0));
    assertFalse(Arrays.equals(first, cifarTrain().seed(8).build().order(0)));
    int[] sorted = first.clone();
    Arrays.sort(sorted);
    int[] identity = new int[SET.size()];
    Arrays.setAll(identity, i -> i);
    assertArrayEquals(identity, sorted, "a permutation");
    try (EpochBatches batches = loader.epoch(0)) {
      assertArrayEquals(first, batches.order());
    }
  }

  @Test
  void augmentation_dependsOnTheImageNotItsPlace() {
    // Different batch sizes put image 5 in different batches and positions; its input stays the same.
    BatchLoader small = cifarTrain().batchSize(7).build();
    BatchLoader large = cifarTrain().batchSize(13).build();
    float[] a = inputOf(small, 2, 5);
    float[] b = inputOf(large, 2, 5);
    assertArrayEquals(a, b);
    assertFalse(Arrays.equals(a, inputOf(small, 3, 5)), "another epoch, another crop and flip");
  }

  private static float[] inputOf(BatchLoader loader, int epoch, int image) {
    int size = loader.inputShape().size();
    for (int b = 0; b < loader.batchesPerEpoch(); b++) {
      Batch batch = loader.batch(epoch, b);
      for (int n = 0; n < batch.count(); n++) {
        if (batch.imageIndices()[n] == image) {
          return Arrays.copyOfRange(batch.inputs(), n * size, (n + 1) * size);
        }
      }
    }
    throw new AssertionError("image " + image + " is in no batch");
  }

  @Test
  void withoutShuffle_itIsTheStoredOrderAndTheTestPipeline() {
    BatchLoader loader = BatchLoader.over(SET).pipeline(TransformPresets.cifar10Test()).batchSize(50).shuffle(false)
        .build();
    Batch first = loader.batch(4, 0);
    int[] expected = new int[50];
    Arrays.setAll(expected, i -> i);
    assertArrayEquals(expected, first.imageIndices());
    float[] image1 = TransformPresets.cifar10Test().apply(SET, 1, RandomGenerator.of("L64X128MixRandom")).values();
    assertArrayEquals(image1, Arrays.copyOfRange(first.inputs(), 3072, 2 * 3072));
  }

  @Test
  void limit_usesTheFirstImagesOnly() throws InterruptedException {
    BatchLoader loader = cifarTrain().limit(25).build();
    assertEquals(25, loader.imagesPerEpoch());
    assertEquals(3, loader.batchesPerEpoch());
    for (Batch batch : drain(loader.epoch(1), 0)) {
      for (int n = 0; n < batch.count(); n++) {
        assertTrue(batch.imageIndices()[n] < 25);
      }
    }
    assertThrows(IllegalArgumentException.class, () -> cifarTrain().limit(104));
  }

  @Test
  void resuming_atABatch_continuesTheSameEpoch() throws InterruptedException {
    List<Batch> whole = drain(cifarTrain().build().epoch(2), 0);
    List<Batch> tail = drain(cifarTrain().build().epoch(2, 4), 0);
    assertSameBatches(whole.subList(4, whole.size()), tail);
    assertEquals(4, tail.get(0).index());
  }

  @Test
  void failureOnTheWorker_surfacesWithItsCause() {
    IllegalStateException broken = new IllegalStateException("image 42 is cursed");
    Transform failing = new Transform() {
      @Override
      public ImageShape outputShape(ImageShape input) {
        return input;
      }

      @Override
      public FloatImage apply(FloatImage image, RandomGenerator random) {
        if (image.values()[0] == (byte) 42 / 255f) {
          throw broken;
        }
        return image;
      }
    };
    BatchLoader loader = BatchLoader.over(SET).pipeline(TransformPipeline.of(failing)).batchSize(10).shuffle(false)
        .build();
    try (EpochBatches batches = loader.epoch(0)) {
      for (int b = 0; b < 4; b++) {
        assertEquals(b, batches.next().index());
      }
      BatchPreparationException e = assertThrows(BatchPreparationException.class, batches::next);
      assertSame(broken, e.getCause());
      assertTrue(e.getMessage().startsWith("preparing batch 4 of epoch 0 failed"), e.getMessage());
      assertFalse(batches.hasNext());
    }
  }

  @Test
  void close_stopsTheWorkerEvenWhenItWaitsOnAFullQueue() throws InterruptedException {
    BatchLoader loader = cifarTrain().batchSize(1).build();
    EpochBatches batches = loader.epoch(0);
    batches.next();
    Thread.sleep(50); // the worker fills the queue and blocks
    assertTrue(batches.workerAlive());
    batches.close();
    assertFalse(batches.workerAlive());
    assertFalse(batches.hasNext());
    assertThrows(IllegalStateException.class, batches::next);
  }

  @Test
  void finishedEpoch_endsItsWorker() throws InterruptedException {
    EpochBatches batches = cifarTrain().build().epoch(0);
    drain(batches, 0);
    assertFalse(batches.workerAlive());
    assertThrows(IllegalStateException.class, batches::next);
    EpochBatches open = cifarTrain().build().epoch(0, 11);
    assertFalse(open.hasNext());
    assertThrows(NoSuchElementException.class, open::next);
    open.close();
  }

  @Test
  void preparation_overlapsWithTheCaller() throws InterruptedException {
    // While the caller holds batch 0, the worker prepares batches 1 and 2 without being asked.
    CountDownLatch prepared = new CountDownLatch(3);
    Transform counting = new Transform() {
      @Override
      public ImageShape outputShape(ImageShape input) {
        return input;
      }

      @Override
      public FloatImage apply(FloatImage image, RandomGenerator random) {
        prepared.countDown();
        return image;
      }
    };
    BatchLoader loader = BatchLoader.over(SET).pipeline(TransformPipeline.of(counting)).batchSize(1).build();
    try (EpochBatches batches = loader.epoch(0)) {
      batches.next();
      assertTrue(prepared.await(10, TimeUnit.SECONDS));
    }
  }

  /** A network as the processor describes it; only its name and input matter to the loader. */
  private static NetworkSpec network(int channels, int height, int width) {
    return new NetworkSpec("Net", new int[] {channels, height, width}, 10, List.of(), List.of());
  }

  @Test
  void imagesOfAnotherSize_areRefusedNamingSourceShapesAndTheResizeThatFits() {
    // Before, 3x32x32 images went to a 3x28x28 network as 3072 values each, read as the wrong images.
    BatchLoader loader = BatchLoader.over(SET).pipeline(TransformPresets.cifar10Test()).build();
    InputShapeMismatchException e = assertThrows(InputShapeMismatchException.class,
        () -> loader.requireInputOf(network(3, 28, 28)));
    assertEquals("test images from made by BatchLoaderTest: its images are 3x32x32, which the pipeline "
        + loader.pipeline() + " makes 3x32x32, but Net takes 3x28x28 images; add Resize(28, 28) to the pipeline to "
        + "make them fit", e.getMessage());
  }

  @Test
  void greyImagesForAColourNetwork_areRefusedNamingGrayscaleToRgb() {
    ImageSet grey = new ImageSet("grey", 1, 4, 4, new byte[32], new int[2], List.of("a"), "two grey images");
    String message = assertThrows(InputShapeMismatchException.class,
        () -> BatchLoader.over(grey).build().requireInputOf(network(3, 8, 8))).getMessage();
    assertTrue(message.endsWith("but Net takes 3x8x8 images; add Resize(8, 8) and GrayscaleToRgb to the pipeline "
        + "to make them fit"), message);
  }

  @Test
  void imagesThatFit_pass() {
    BatchLoader loader = BatchLoader.over(SET).pipeline(TransformPipeline.of(new Resize(28, 28))).build();
    assertSame(loader, loader.requireInputOf(network(3, 28, 28)));
  }

  @Test
  void noImages_areRefusedAtBuild() {
    ImageSet none = new ImageSet("nothing", 1, 2, 2, new byte[0], new int[0], List.of("a"), "an empty file");
    assertEquals("nothing from an empty file: has no images; a loader needs at least one",
        assertThrows(IllegalArgumentException.class, () -> BatchLoader.over(none).build()).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> BatchLoader.over(SET).limit(0).build())
        .getMessage().contains("limited to 0 images"));
  }

  @Test
  void pipelineThatCannotTakeTheImages_isRejectedAtBuild() {
    assertThrows(IllegalArgumentException.class,
        () -> BatchLoader.over(SET).pipeline(TransformPresets.fashionMnistTutorial()).build());
    assertNotEquals(0, cifarTrain().build().inputShape().size());
  }
}
