package netforge.examples.cli.command;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import netforge.examples.cli.DataOptions;
import netforge.examples.cli.DatasetChoice;
import netforge.examples.cli.DatasetChoiceConverter;
import netforge.examples.cli.DeviceOption;
import netforge.examples.cli.NetworkChoice;
import netforge.examples.cli.ExitCodes;
import netforge.examples.cli.ReturnsExitCodes;
import netforge.examples.cli.LearningRateConverter;
import netforge.examples.cli.ModelSession;
import netforge.examples.cli.NetworkOption;
import netforge.examples.cli.OptimizerNames;
import netforge.examples.cli.TrainingOptions;
import netforge.runtime.Model;
import netforge.runtime.data.BatchLoader;
import netforge.runtime.data.Dataset;
import netforge.runtime.data.ImageSet;
import netforge.runtime.data.ImageShape;
import netforge.runtime.data.Split;
import netforge.runtime.train.ExistingRun;
import netforge.runtime.train.OptimizerConfig;
import netforge.runtime.train.OptimizerKind;
import netforge.runtime.train.RunDirectory;
import netforge.runtime.train.SavedWeights;
import netforge.runtime.train.Trainer;
import netforge.runtime.train.TrainingProgress;
import netforge.runtime.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code netforge train}: one network, one data set, one optimizer. */
@ReturnsExitCodes({ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE, ExitCodes.NO_DEVICE, ExitCodes.NO_DATA,
    ExitCodes.OUT_OF_MEMORY})
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Train one network on one data set with one optimizer; write history, checkpoint and weights.",
    footer = {"", "Examples:",
        "  netforge train --epochs 2 --limit 2000",
        "  netforge train --network alexnet-cifar --dataset cifar10 --optimizer nag \\",
        "      --epochs 20 --output runs/nag",
        "  netforge train --output runs/nag --epochs 20 --resume",
        "      (continues a stopped run exactly)",
        "  netforge train --network alexnet-cifar --dataset folder:photos --epochs 10",
        "  netforge train --classpath target/classes --network com.example.TinyNet",
        "",
        "folder:DIR is a directory of your own images, one sub-directory per class (as many as the network has "
            + "outputs), split by DIR/train and DIR/test or by --test-fraction; unreadable files are named and "
            + "skipped.",
        "",
        "An --output that holds a run is refused (exit code 2) unless --resume, --resume-if-present or --overwrite "
            + "says what to do with it; one run at a time may use a directory (another is refused, exit code 1)."})
public final class TrainCommand implements Callable<Integer> {
  @Mixin
  NetworkOption networkOption;

  @Option(names = "--dataset", paramLabel = "DATASET", defaultValue = "fashion-mnist",
      converter = DatasetChoiceConverter.class, description = DatasetChoice.CHOICES + ". Default: ${DEFAULT-VALUE}.")
  DatasetChoice choice;

  @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adam",
      completionCandidates = OptimizerNames.class,
      description = "${COMPLETION-CANDIDATES}, with the tutorial's settings. Default: ${DEFAULT-VALUE}.")
  String optimizer;

  @Option(names = "--lr", paramLabel = "RATE", converter = LearningRateConverter.class,
      description = "Learning rate instead of the tutorial's.")
  Double learningRate;

  @Mixin
  TrainingOptions training;

  @Option(names = "--output", paramLabel = "DIR", defaultValue = "runs/train",
      description = "Where history.csv, history.json, checkpoint.safetensors, best.safetensors and "
          + "model.safetensors go. Default: ${DEFAULT-VALUE}.")
  Path output;

  @Option(names = "--resume", description = "Continue the run in DIR from DIR/checkpoint.safetensors; refused when "
      + "there is none.")
  boolean resume;

  @Option(names = "--resume-if-present", description = "Continue from DIR/checkpoint.safetensors when it exists, "
      + "else start a new run (for scripts that restart themselves).")
  boolean resumeIfPresent;

  @Option(names = "--overwrite", description = "Delete the run in DIR and start a new one. Without it, --resume or "
      + "--resume-if-present, a DIR that holds a run is refused.")
  boolean overwrite;

  @Option(names = "--patience", paramLabel = "EPOCHS", defaultValue = "0",
      description = "Stop after this many epochs without a better test accuracy; 0 never stops early.")
  int patience;

  @Option(names = "--save", paramLabel = "WEIGHTS", defaultValue = "all",
      description = "Which weights go into DIR besides the history: all (checkpoint.safetensors, best.safetensors, "
          + "model.safetensors; the run can be resumed), best, last (model.safetensors) or none. "
          + "Default: ${DEFAULT-VALUE}.")
  SavedWeights save;

  @Mixin
  DataOptions data;

  @Mixin
  DeviceOption device;

  @Override
  public Integer call() throws Exception {
    ExistingRun existingRun = existingRun();
    OptimizerConfig config = OptimizerConfig.tutorial(OptimizerKind.parse(optimizer));
    if (learningRate != null) {
      config = config.withLr(learningRate);
    }
    // The output directory first: one that cannot be written, is in use or holds a run fails in a moment.
    try (RunDirectory directory = RunDirectory.open(output, existingRun)) {
      return train(config, directory);
    }
  }

  private Integer train(OptimizerConfig config, RunDirectory directory) throws Exception {
    PrintStream out = System.out;
    NetworkChoice network = networkOption.network();
    ImageShape input = ImageShape.inputOf(network.spec());
    Dataset dataset = data.open(choice, input, out);
    network.requireClassesOf(dataset);
    ImageSet train = dataset.load(Split.TRAIN);
    ImageSet test = dataset.load(Split.TEST);
    DatasetChoice.printSource(train, out);
    DatasetChoice.printSource(test, out);
    BatchLoader trainBatches = training.loader(train, dataset.pipeline(input, true), true)
        .requireInputOf(network.spec());
    BatchLoader testBatches = training.testLoader(test, dataset.pipeline(input, false))
        .requireInputOf(network.spec());
    try (ModelSession session = ModelSession.openTuned(device, network, out)) {
      trainOn(session, dataset, config, trainBatches, testBatches, train.source(), out, directory);
    }
    return ExitCodes.OK;
  }

  /** What --resume, --resume-if-present and --overwrite ask for; at most one of them. */
  private ExistingRun existingRun() {
    int chosen = (resume ? 1 : 0) + (resumeIfPresent ? 1 : 0) + (overwrite ? 1 : 0);
    if (chosen > 1) {
      throw new IllegalArgumentException("--resume, --resume-if-present and --overwrite exclude each other: choose "
          + "one");
    }
    return resume ? ExistingRun.RESUME : resumeIfPresent ? ExistingRun.RESUME_IF_PRESENT
        : overwrite ? ExistingRun.OVERWRITE : ExistingRun.REFUSE;
  }

  private void trainOn(ModelSession session, Dataset dataset, OptimizerConfig config, BatchLoader trainBatches,
      BatchLoader testBatches, String source, PrintStream out, RunDirectory directory) throws java.io.IOException {
    try (Model model = session.create(training.seed)) {
      out.printf("%s on %s: %s; %s, %d training and %d test images; %s%n", networkOption.network().spec().name(),
          session.device().info().name(), config, dataset.name(), trainBatches.imagesPerEpoch(),
          testBatches.imagesPerEpoch(), source);
      TrainingResult result = Trainer.builder(model).optimizer(config).epochs(training.epochs).output(directory)
          .save(save).patience(patience).progress(TrainingProgress.console(out)).fit(trainBatches, testBatches);
      var best = result.history().best();
      out.printf("done: best test accuracy %.2f%% (epoch %d)%s; files in %s%n", 100 * best.testAccuracy(),
          best.epoch(), result.stoppedEarly() ? ", stopped early" : "", output.toAbsolutePath());
    }
  }
}
