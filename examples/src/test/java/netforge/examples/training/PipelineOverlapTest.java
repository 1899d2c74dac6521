package netforge.examples.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import netforge.examples.lenet.LeNet5Model;
import netforge.runtime.Model;
import netforge.runtime.ModelEngine;
import netforge.runtime.data.Batch;
import netforge.runtime.data.BatchLoader;
import netforge.runtime.data.FloatImage;
import netforge.runtime.data.ImageShape;
import netforge.runtime.data.Transform;
import netforge.runtime.data.TransformPipeline;
import netforge.runtime.testing.NeedsOpenCl;
import netforge.runtime.testing.OpenClDevice;
import netforge.runtime.train.EpochRecord;
import netforge.runtime.train.Optimizer;
import netforge.runtime.train.OptimizerConfig;
import netforge.runtime.train.OptimizerKind;
import netforge.runtime.train.Trainer;
import netforge.runtime.train.TrainingProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The trainer prepares the next batches on another thread while the device computes the current step. What is
 * asserted is the behaviour (the next batch gets prepared while the training thread is held inside a step); the
 * time an epoch takes against its steps' time is measured and printed, never asserted (timed assertions flake on a
 * shared machine).
 */
@NeedsOpenCl
class PipelineOverlapTest {
  private static final int IMAGES = 1024;
  private static final int TEST_IMAGES = 64;
  private static final int BATCH = 64;
  private static final long SEED = 51;
  /**
   * How long the training thread waits for the next batch while holding the first step: only a guard against a
   * hang when the trainer does not prefetch. Preparing 64 images takes about a millisecond here.
   */
  private static final long PREFETCH_WAIT_SECONDS = 30;

  @RegisterExtension static final OpenClDevice DEVICE = new OpenClDevice();

  /**
   * At the end of the first step, on the training thread, the test waits until the second batch has been
   * prepared. A trainer that prepared batches on its own thread, or on another only when asked, would never get
   * there; one that prefetches has it ready. Every image is prepared off the training thread.
   *
   * <p>That epoch also warms the model up (buffers, first launches, JIT) for a measurement, printed and not
   * asserted: an epoch's training time against (steps x the time of one step on batches prepared beforehand), with
   * the time preparation takes on one thread. With full overlap the ratio is near 1, without it near 1 +
   * preparation / step.
   */
  @Test
  void nextBatch_isPreparedOnAnotherThread_whileTheTrainingThreadIsInAStep() throws IOException {
    PreparationProbe probe = new PreparationProbe();
    Set<Thread> trainingThreads = ConcurrentHashMap.newKeySet();
    boolean[] prefetched = {false};
    TrainingProgress holdFirstStep = new TrainingProgress() {
      @Override
      public Epoch epoch(String label, int epoch, int epochs, int images) {
        return new Epoch() {
          private int steps;

          @Override
          public void step(int images, double meanLoss, double accuracy) {
            trainingThreads.add(Thread.currentThread());
            if (steps++ == 0) {
              prefetched[0] = probe.awaitImages(2 * BATCH, PREFETCH_WAIT_SECONDS);
            }
          }

          @Override
          public void close() {}
        };
      }

      @Override
      public void finished(String label, EpochRecord record, int epochs) {}
    };
    OptimizerConfig adam = OptimizerConfig.tutorial(OptimizerKind.ADAM);
    try (Model model = LeNet5Model.create(DEVICE.get(), SEED)) {
      Trainer.builder(model).optimizer(adam).epochs(1).progress(holdFirstStep)
          .fit(probedLoader(probe), FashionSubset.test(TEST_IMAGES, BATCH));

      assertTrue(prefetched[0], "batch 2 was not prepared while the training thread held step 1");
      assertEquals(IMAGES, probe.images.get(), "every training image is prepared once");
      assertEquals(1, trainingThreads.size());
      assertFalse(probe.threads.isEmpty());
      assertTrue(probe.threads.stream().noneMatch(trainingThreads::contains),
          "batches are prepared off the training thread: " + probe.threads);

      printOverlap(model, adam);
    }
  }

  private static void printOverlap(Model model, OptimizerConfig adam) throws IOException {
    BatchLoader train = FashionSubset.train(IMAGES, BATCH, SEED);
    int steps = train.batchesPerEpoch();
    long start = System.nanoTime();
    Batch[] batches = new Batch[steps];
    for (int i = 0; i < steps; i++) {
      batches[i] = train.batch(1, i);
    }
    double prepSeconds = (System.nanoTime() - start) / 1e9;

    ModelEngine engine = model.engine();
    double stepSeconds;
    try (Optimizer optimizer = Optimizer.forEngine(engine, adam)) {
      start = System.nanoTime();
      for (Batch b : batches) {
        engine.trainingStep(b.inputs(), b.labels(), () -> optimizer.step(adam.lr()));
      }
      stepSeconds = (System.nanoTime() - start) / 1e9;
    }

    EpochRecord epoch = Trainer.builder(model).optimizer(adam).epochs(1).progress(TrainingProgress.silent())
        .fit(train, FashionSubset.test(TEST_IMAGES, BATCH)).history().last();
    double epochTrainSeconds = train.imagesPerEpoch() / epoch.imagesPerSecond();
    System.out.printf(Locale.ROOT, "pipeline overlap, LeNet-5, %d steps of %d: preparation %.2f ms/batch on one "
            + "thread, step %.2f ms on prepared batches, epoch training %.1f ms = %.3f x (steps x step time); "
            + "without overlap it would be about %.3f%n", steps, BATCH, 1e3 * prepSeconds / steps,
        1e3 * stepSeconds / steps, 1e3 * epochTrainSeconds, epochTrainSeconds / stepSeconds,
        (prepSeconds + stepSeconds) / stepSeconds);
  }

  private static BatchLoader probedLoader(PreparationProbe probe) {
    List<Transform> steps = new ArrayList<>(FashionSubset.pipeline(true).steps());
    steps.add(probe);
    return BatchLoader.over(FashionSubset.trainImages()).pipeline(new TransformPipeline(steps)).batchSize(BATCH)
        .seed(SEED).limit(IMAGES).build();
  }

  /** An identity step at the end of the pipeline that counts the images prepared and notes which threads did it. */
  private static final class PreparationProbe implements Transform {
    final AtomicInteger images = new AtomicInteger();
    final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    @Override
    public ImageShape outputShape(ImageShape input) {
      return input;
    }

    @Override
    public FloatImage apply(FloatImage image, RandomGenerator random) {
      threads.add(Thread.currentThread());
      synchronized (this) {
        images.incrementAndGet();
        notifyAll();
      }
      return image;
    }

    /** Waits until {@code count} images have been prepared; false if that did not happen in time. */
    synchronized boolean awaitImages(int count, long seconds) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      try {
        while (images.get() < count) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return false;
          }
          TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }
}
