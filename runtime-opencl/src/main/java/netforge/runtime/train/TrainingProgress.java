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
        return silent().epoch(label, epoch, epochs, images);
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
