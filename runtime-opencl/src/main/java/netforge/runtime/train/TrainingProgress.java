package netforge.runtime.train;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * What a run shows while it trains: on a terminal, a progress bar per epoch with images/s, ETA and the running
 * loss and accuracy; elsewhere (logs, CI), nothing until one line per epoch; or nothing at all.
 */
public interface TrainingProgress {

  /** Called before an epoch's first step. */
  Epoch epoch(String label, int epoch, int epochs, int images);

  /** One epoch's view. */
  interface Epoch extends AutoCloseable {
    void step(int images, double meanLoss, double accuracy);

    /**
     * Called before a run's first training step, which is slow once: a driver such as PoCL compiles each kernel
     * when it is first launched (tens of seconds for AlexNet on a CPU), so that a view can say so instead of
     * sitting still.
     */
    default void firstStep() {}

    /** Called after a run's first training step, with how long it took. */
    default void firstStepDone(double seconds) {}

    @Override
    void close();
  }

  /** Called after each epoch with its record. */
  void finished(String label, EpochRecord record, int epochs);

  /** A bar on a terminal, epoch lines otherwise. */
  static TrainingProgress console(PrintStream out) {
    return new Console(out, System.console() != null);
  }

  static TrainingProgress silent() {
    return new TrainingProgress() {
      @Override
      public Epoch epoch(String label, int epoch, int epochs, int images) {
        return new Epoch() {
          @Override
          public void step(int images, double meanLoss, double accuracy) {}

          @Override
          public void close() {}
        };
      }

      @Override
      public void finished(String label, EpochRecord record, int epochs) {}
    };
  }

  /** The console view. */
  final class Console implements TrainingProgress {
    private final PrintStream out;
    private final boolean terminal;

    Console(PrintStream out, boolean terminal) {
      this.out = out;
      this.terminal = terminal;
    }

    @Override
    public Epoch epoch(String label, int epoch, int epochs, int images) {
      if (!terminal) {
        return new Epoch() { // one line per epoch comes from finished(); until then only the first step speaks
          @Override
          public void step(int done, double meanLoss, double accuracy) {}

          @Override
          public void firstStep() {
            // One line, finished when the step is: said before the wait, with how long it took after it.
            out.printf(Locale.ROOT, "%s: first step (kernels compile on their first launch, once per device and "
                + "driver; up to a minute on a CPU) ...", label);
            out.flush();
          }

          @Override
          public void firstStepDone(double seconds) {
            out.printf(Locale.ROOT, " %.1f s%n", seconds);
            out.flush();
          }

          @Override
          public void close() {}
        };
      }
      ProgressBar bar = new ProgressBarBuilder()
          .setTaskName(String.format(Locale.ROOT, "%s epoch %d/%d", label, epoch, epochs))
          .setInitialMax(images).setUnit(" img", 1).showSpeed().setStyle(ProgressBarStyle.ASCII)
          .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(out))
          .setUpdateIntervalMillis(250).build();
      return new Epoch() {
        @Override
        public void step(int done, double meanLoss, double accuracy) {
          bar.stepBy(done);
          bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f acc %.1f%%", meanLoss, 100 * accuracy));
        }

        @Override
        public void firstStep() {
          bar.setExtraMessage(" first step: compiling kernels on first launch ...");
          bar.refresh();
        }

        @Override
        public void close() {
          bar.close();
        }
      };
    }

    @Override
    public void finished(String label, EpochRecord r, int epochs) {
      out.printf(Locale.ROOT, "%s epoch %d/%d: train loss %.4f acc %.2f%% | test loss %.4f acc %.2f%% | lr %.3g | "
              + "%.1f s, %.1f img/s%n", label, r.epoch(), epochs, r.trainLoss(), 100 * r.trainAccuracy(),
          r.testLoss(), 100 * r.testAccuracy(), r.learningRate(), r.seconds(), r.imagesPerSecond());
      out.flush();
    }
  }
}
