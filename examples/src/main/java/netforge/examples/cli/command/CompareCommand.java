package netforge.examples.cli.command;

import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import netforge.examples.cli.ComparisonDirectory;
import netforge.examples.cli.DataOptions;
import netforge.examples.cli.DatasetChoice;
import netforge.examples.cli.DatasetChoiceConverter;
import netforge.examples.cli.CurvesCsv;
import netforge.examples.cli.DeviceOption;
import netforge.examples.cli.EvaluationInterval;
import netforge.examples.cli.ExitCodes;
import netforge.examples.cli.ReturnsExitCodes;
import netforge.examples.cli.ModelSession;
import netforge.examples.cli.NetworkOption;
import netforge.examples.cli.OptimizerNames;
import netforge.examples.cli.PublishedAccuracy;
import netforge.examples.cli.ResultsTable;
import netforge.examples.cli.TrainingOptions;
import netforge.examples.plot.AnimatedGif;
import netforge.examples.plot.ComparisonCharts;
import netforge.runtime.Model;
import netforge.runtime.data.BatchLoader;
import netforge.runtime.data.Dataset;
import netforge.runtime.data.ImageSet;
import netforge.runtime.data.ImageShape;
import netforge.runtime.data.Split;
import netforge.runtime.io.AtomicFiles;
import netforge.runtime.train.EpochRecord;
import netforge.runtime.train.OptimizerConfig;
import netforge.runtime.train.OptimizerKind;
import netforge.runtime.train.RunLock;
import netforge.runtime.train.SavedWeights;
import netforge.runtime.train.StepRecord;
import netforge.runtime.train.Trainer;
import netforge.runtime.train.TrainingProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code netforge compare}: the tutorial's experiment. Every optimizer trains the same network from the same
 * initial weights on the same data order, tested every few steps; then a results table (beside the tutorial's
 * published accuracies with {@code --full}), a 2x2 PNG of the curves by training images seen per data set, and an
 * animated GIF of them growing.
 */
@ReturnsExitCodes({ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE, ExitCodes.NO_DEVICE, ExitCodes.NO_DATA,
    ExitCodes.OUT_OF_MEMORY})
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Compare optimizers on AlexNet, as the tutorial does: same initial weights, same data order.",
        "Without options: a short run on Fashion-MNIST (2 epochs of 2,000 images, 1,000 test images, all seven "
            + "optimizers) that takes a few minutes on 2 CPU cores."},
    footer = {"", "Examples:",
        "  netforge compare",
        "  netforge compare --optimizers sgd,adam --epochs 5 --limit 10000",
        "  netforge compare --full",
        "      (the tutorial's 20 epochs on all of Fashion-MNIST and CIFAR-10)",
        "",
        "Writes to --output: results.md, results.csv, curves.csv (every point of the curves), "
            + "<dataset>-curves.png and <dataset>-curves.gif, and one directory per data set and optimizer with its "
            + "history (and weights, with --save)."})
public final class CompareCommand implements Callable<Integer> {
  /** The tutorial compares every kind but AdamW, with {@link OptimizerConfig#tutorial}'s settings. */
  public static final List<OptimizerKind> TUTORIAL_OPTIMIZERS = Arrays.stream(OptimizerKind.values())
      .filter(kind -> kind != OptimizerKind.ADAMW).toList();

  /** At most this many frames in an animation, however often a run was tested: a GIF of a few MB. */
  private static final int GIF_FRAMES = 40;

  @Mixin
  NetworkOption networkOption;

  @Option(names = "--datasets", paramLabel = "LIST", split = ",", defaultValue = "fashion-mnist",
      converter = DatasetChoiceConverter.class,
      description = "One or more of " + DatasetChoice.CHOICES + ". Default: ${DEFAULT-VALUE}.")
  List<DatasetChoice> datasets;

  @Option(names = "--optimizers", paramLabel = "LIST", split = ",", completionCandidates = OptimizerNames.class,
      description = "Which optimizers, with the tutorial's settings. Default: the tutorial's seven.")
  List<String> optimizers;

  @Option(names = "--full", description = "The tutorial's whole experiment: 20 epochs on every image of "
      + "Fashion-MNIST and CIFAR-10 (hours on a CPU).")
  boolean full;

  @Mixin
  TrainingOptions training;

  @Option(names = "--eval-every", paramLabel = "STEPS", description = "Test every STEPS training steps (and after "
      + "each epoch) for the curves. Default: about " + EvaluationInterval.POINTS + " points per run, at least one "
      + "per epoch; each test pass costs about a third of training on as many images as the test set has.")
  Integer evalEvery;

  @Option(names = "--output", paramLabel = "DIR", defaultValue = "runs/compare",
      description = "Default: ${DEFAULT-VALUE}.")
  Path output;

  @Option(names = "--overwrite", description = "Replace the comparison in DIR. Without it, a DIR that holds "
      + "results or runs is refused.")
  boolean overwrite;

  @Option(names = "--save", paramLabel = "WEIGHTS", defaultValue = "none",
      description = "Which weights each optimizer's run keeps: none (only histories and figures), best, last, or "
          + "all (checkpoint, best and final: about 1.1 GB per optimizer for AlexNet with Adam). "
          + "Default: ${DEFAULT-VALUE}.")
  SavedWeights save;

  @Mixin
  DataOptions data;

  @Mixin
  DeviceOption device;

  @Override
  public Integer call() throws Exception {
    EvaluationInterval.requireValid(evalEvery);
    applyDefaults();
    List<OptimizerKind> kinds = optimizers == null ? TUTORIAL_OPTIMIZERS
        : optimizers.stream().map(OptimizerKind::parse).distinct().toList();
    List<DatasetChoice> choices = datasets.stream().distinct().toList();
    requireDistinctIds(choices);
    // Every run directory is checked before the first epoch, not when its optimizer's turn comes.
    try (RunLock lock = ComparisonDirectory.open(output, overwrite, runDirectories(choices, kinds))) {
      return compare(kinds, choices);
    }
  }

  /**
   * Results, figures and run directories are named by each data set's id, so two folders of the same name
   * ({@code folder:a/pets,folder:b/pets}) would write over each other: refused before anything runs.
   */
  private static void requireDistinctIds(List<DatasetChoice> choices) {
    Map<String, DatasetChoice> byId = new HashMap<>();
    for (DatasetChoice choice : choices) {
      DatasetChoice earlier = byId.putIfAbsent(choice.id(), choice);
      if (earlier != null) {
        throw new IllegalArgumentException("--datasets names two data sets that would both be written as '"
            + choice.id() + "' (" + earlier + " and " + choice + "); compare folders of different names");
      }
    }
  }

  private List<Path> runDirectories(List<DatasetChoice> choices, List<OptimizerKind> kinds) {
    List<Path> directories = new ArrayList<>();
    for (DatasetChoice choice : choices) {
      for (OptimizerKind kind : kinds) {
        directories.add(runDirectory(choice, kind));
      }
    }
    return directories;
  }

  private Path runDirectory(DatasetChoice choice, OptimizerKind kind) {
    return output.resolve(choice.id()).resolve(kind.userName());
  }

  private Integer compare(List<OptimizerKind> kinds, List<DatasetChoice> choices) throws Exception {
    PrintStream out = System.out;
    Map<DatasetChoice, Map<String, List<EpochRecord>>> results = new LinkedHashMap<>();
    Map<DatasetChoice, Map<OptimizerKind, List<StepRecord>>> curves = new LinkedHashMap<>();
    List<String> notComparable = new ArrayList<>();
    // Every data set is found, read and checked against the network, and the device opened, before the first
    // epoch: a missing CIFAR-10 must fail now, not after all of Fashion-MNIST has trained.
    List<DataOfOneSet> sets = new ArrayList<>();
    for (DatasetChoice choice : choices) {
      sets.add(load(choice, out));
    }
    try (ModelSession session = ModelSession.openTuned(device, networkOption.network(), out)) {
      out.printf("Comparing %d optimizers on %s, %s, on %s%n", kinds.size(), networkOption.network().spec().name(), choices,
          session.device().info().name());
      for (DataOfOneSet set : sets) {
        DatasetChoice choice = set.choice();
        BatchLoader trainBatches = set.train();
        BatchLoader testBatches = set.test();
        int interval = EvaluationInterval.steps(training.epochs, trainBatches.batchesPerEpoch(), evalEvery);
        out.printf("%s: %d epochs of %d training images, %d test images; testing every %d steps of %d images%n",
            choice.title(), training.epochs, trainBatches.imagesPerEpoch(), testBatches.imagesPerEpoch(), interval,
            trainBatches.batchSize());
        PublishedAccuracy.differenceFromTutorial(choice, training.epochs, trainBatches.imagesPerEpoch())
            .ifPresent(notComparable::add);
        Map<String, List<EpochRecord>> runs = new LinkedHashMap<>();
        Map<OptimizerKind, List<StepRecord>> points = new LinkedHashMap<>();
        results.put(choice, runs);
        curves.put(choice, points);
        for (OptimizerKind kind : kinds) {
          OptimizerConfig config = OptimizerConfig.tutorial(kind);
          // Same seed: the same initial weights, data order, augmentation and dropout masks for every optimizer.
          try (Model model = session.create(training.seed)) {
            var result = Trainer.builder(model).optimizer(config).epochs(training.epochs)
                .output(runDirectory(choice, kind)).label(kind.userName())
                .existingRun(ComparisonDirectory.policy(overwrite)).evaluateEvery(interval)
                .save(save).progress(TrainingProgress.console(out)).fit(trainBatches, testBatches);
            runs.put(kind.userName(), result.history().epochs());
            points.put(kind, result.history().steps());
          }
          writeFigures(choice, points);
        }
      }
    }
    String table = ResultsTable.markdown(networkOption.network().spec().name(), results, full)
        + (full ? notComparable.stream().map(note -> "Note: " + note + "\n").collect(Collectors.joining()) : "");
    AtomicFiles.write(output.resolve("results.md"), (OutputStream o) -> o.write(table.getBytes(
        java.nio.charset.StandardCharsets.UTF_8)));
    String csv = ResultsTable.csv(results);
    AtomicFiles.write(output.resolve("results.csv"), (OutputStream o) -> o.write(csv.getBytes(
        java.nio.charset.StandardCharsets.UTF_8)));
    String curvesCsv = CurvesCsv.csv(curves);
    AtomicFiles.write(output.resolve("curves.csv"), (OutputStream o) -> o.write(curvesCsv.getBytes(
        java.nio.charset.StandardCharsets.UTF_8)));
    out.println();
    out.print(table);
    if (!full) {
      out.printf("The tutorial's published accuracies (%d epochs on every training image) are printed beside the "
          + "results of compare --full.%n", PublishedAccuracy.EPOCHS);
    }
    out.printf("%nWritten to %s: results.md, results.csv, curves.csv, and per data set <dataset>-curves.png and "
        + "<dataset>-curves.gif%n", output.toAbsolutePath());
    return ExitCodes.OK;
  }

  /** One data set's loaders, ready for the network. */
  private record DataOfOneSet(DatasetChoice choice, BatchLoader train, BatchLoader test) {}

  private DataOfOneSet load(DatasetChoice choice, PrintStream out) throws java.io.IOException {
    ImageShape input = ImageShape.inputOf(networkOption.network().spec());
    Dataset dataset = data.open(choice, input, out);
    networkOption.network().requireClassesOf(dataset);
    ImageSet train = dataset.load(Split.TRAIN);
    ImageSet test = dataset.load(Split.TEST);
    DatasetChoice.printSource(train, out);
    DatasetChoice.printSource(test, out);
    return new DataOfOneSet(choice,
        training.loader(train, dataset.pipeline(input, true), true).requireInputOf(networkOption.network().spec()),
        training.testLoader(test, dataset.pipeline(input, false)).requireInputOf(networkOption.network().spec()));
  }

  private void applyDefaults() {
    if (full) {
      datasets = List.of(DatasetChoice.FASHION_MNIST, DatasetChoice.CIFAR10);
      training.epochs = 20;
      training.limit = 0;
      training.testLimit = 0;
    } else if (!explicitlySized()) {
      training.limit = 2000;
      training.testLimit = 1000;
    }
  }

  /** Whether the user chose how many images; otherwise the quick run's sizes apply. */
  private boolean explicitlySized() {
    return training.limit != 0 || training.testLimit != 0;
  }

  /** The PNG and GIF of one data set, rewritten after every optimizer so a long run shows progress. */
  private void writeFigures(DatasetChoice choice, Map<OptimizerKind, List<StepRecord>> runs)
      throws java.io.IOException {
    ComparisonCharts charts = new ComparisonCharts(choice.title() + ", " + networkOption.network().spec().name(), runs);
    BufferedImage figure = charts.render();
    AtomicFiles.write(output.resolve(choice.id() + "-curves.png"), (OutputStream o) -> ImageIO.write(figure, "png", o));
    List<BufferedImage> frames = new ArrayList<>();
    for (int shown : charts.frames(GIF_FRAMES)) {
      frames.add(charts.render(shown));
    }
    AtomicFiles.write(output.resolve(choice.id() + "-curves.gif"),
        (OutputStream o) -> AnimatedGif.write(o, frames, 600, 2500));
  }
}
