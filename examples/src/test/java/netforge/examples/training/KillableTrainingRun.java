package netforge.examples.training;

import java.io.IOException;
import java.nio.file.Path;
import netforge.examples.lenet.LeNet5Model;
import netforge.runtime.Device;
import netforge.runtime.Model;
import netforge.runtime.data.BatchLoader;
import netforge.runtime.train.OptimizerKind;
import netforge.runtime.train.Trainer;
import netforge.runtime.train.TrainingProgress;

/**
 * The child process of {@link KillTest}: resumes (or starts) a LeNet-5 run in the directory given, with a checkpoint
 * after every short epoch, and trains until it is killed. {@code java ... KillableTrainingRun DIR}
 */
public final class KillableTrainingRun {
  /** Enough epochs never to finish before the kill. */
  static final int ENDLESS = 1_000_000;
  private static final int IMAGES = 320;
  private static final int TEST_IMAGES = 64;
  private static final int BATCH = 32;
  static final long SEED = 41;

  private KillableTrainingRun() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: KillableTrainingRun OUTPUT_DIRECTORY");
      System.exit(2);
    }
    try (Device device = Device.open(); Model model = LeNet5Model.create(device, SEED)) {
      System.out.println("training in " + args[0]);
      run(model, Path.of(args[0]), ENDLESS);
    }
  }

  /** The run, the same in the child and in the test's own resumption of it; resumes from {@code output}. */
  static void run(Model model, Path output, int epochs) throws IOException {
    Trainer.builder(model).optimizer(OptimizerKind.ADAM).epochs(epochs).output(output).resume(true)
        .progress(TrainingProgress.silent()).fit(train(), test());
  }

  private static BatchLoader train() {
    return FashionSubset.train(IMAGES, BATCH, SEED);
  }

  private static BatchLoader test() {
    return FashionSubset.test(TEST_IMAGES, BATCH);
  }
}
