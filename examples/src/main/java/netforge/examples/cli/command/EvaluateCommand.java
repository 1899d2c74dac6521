package netforge.examples.cli.command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import netforge.examples.cli.DataOptions;
import netforge.examples.cli.DatasetChoice;
import netforge.examples.cli.DatasetChoiceConverter;
import netforge.examples.cli.DeviceOption;
import netforge.examples.cli.EvaluationReport;
import netforge.examples.cli.NetworkChoice;
import netforge.examples.cli.ExitCodes;
import netforge.examples.cli.ReturnsExitCodes;
import netforge.examples.cli.ModelSession;
import netforge.examples.cli.WeightsOptions;
import netforge.runtime.Model;
import netforge.runtime.data.BatchLoader;
import netforge.runtime.data.Dataset;
import netforge.runtime.data.DatasetNotFoundException;
import netforge.runtime.data.ImageSet;
import netforge.runtime.data.ImageShape;
import netforge.runtime.data.Split;
import netforge.runtime.data.TransformPipeline;
import netforge.runtime.eval.ConfusionMatrix;
import netforge.runtime.eval.ConfusionMatrixCsv;
import netforge.runtime.eval.Evaluation;
import netforge.runtime.io.OutputFile;
import netforge.runtime.io.Weights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code netforge evaluate}: trained weights on a test split: accuracy, loss, per-class accuracy, confusion matrix. */
@ReturnsExitCodes({ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE, ExitCodes.NO_DEVICE, ExitCodes.NO_DATA,
    ExitCodes.OUT_OF_MEMORY})
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Measure trained weights on a data set's test images: accuracy (%%), mean cross-entropy loss, "
        + "accuracy per class and the confusion matrix.",
        "The images are prepared as the training's test pass prepares them (resized to the network's input, grey "
            + "repeated to RGB for a 3-channel network, the data set's normalisation, no augmentation); the "
            + "network runs in evaluation mode (dropout off)."},
    footer = {"", "Examples:",
        "  netforge evaluate --weights runs/train/model.safetensors",
        "  netforge evaluate --network lenet5 --weights runs/lenet/best.safetensors \\",
        "      --limit 1000 --batch 500",
        "  netforge evaluate --dataset cifar10 --weights runs/cifar/model.safetensors \\",
        "      --output runs/cifar/confusion.csv",
        "  netforge evaluate --dataset folder:photos \\",
        "      --weights runs/photos/model.safetensors"})
public final class EvaluateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  WeightsOptions weights;

  @Option(names = "--dataset", paramLabel = "DATASET", defaultValue = "fashion-mnist",
      converter = DatasetChoiceConverter.class,
      description = DatasetChoice.CHOICES + ": the data set whose test split to use. Default: ${DEFAULT-VALUE}.")
  DatasetChoice dataset;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
      description = "Only the first N test images; 0 takes them all (10,000 in Fashion-MNIST and CIFAR-10).")
  int limit;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "128",
      description = "Images per forward pass; the results do not depend on it. Default: ${DEFAULT-VALUE}.")
  int batch;

  @Option(names = "--output", paramLabel = "FILE.csv",
      description = "Also write the confusion matrix there as CSV (header: '" + ConfusionMatrix.AXES
          + "' and the predicted classes; one row per true class).")
  Path output;

  @Option(names = "--overwrite", description = "Replace the --output file when it exists; without it, an existing "
      + "file is refused.")
  boolean overwrite;

  @Mixin
  DataOptions data;

  @Mixin
  DeviceOption device;

  @Override
  public Integer call() throws Exception {
    checkOptions();
    NetworkChoice network = weights.network();
    PrintStream out = System.out;
    // The cheap checks first: options that do not go together, a weights path that is not there.
    ImageShape input = ImageShape.inputOf(network.spec());
    Dataset testSet = data.open(dataset, input, out);
    network.requireClassesOf(testSet);
    TransformPipeline pipeline = testSet.pipeline(input, false);
    weights.checkExists();
    if (output != null) {
      OutputFile.check(output, overwrite, "--overwrite");
    }
    ImageSet test;
    try {
      test = testSet.load(Split.TEST);
    } catch (DatasetNotFoundException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(spec.commandLine().getColorScheme().errorText("error: ") + e.getMessage());
      err.flush();
      return ExitCodes.NO_DATA;
    }
    Weights parameters = weights.read();
    int images = limit == 0 ? test.size() : Math.min(limit, test.size());
    BatchLoader loader = BatchLoader.over(test).pipeline(pipeline).batchSize(batch).shuffle(false).limit(images)
        .build().requireInputOf(network.spec());
    try (ModelSession session = ModelSession.open(device, network, System.err); Model model = session.load(parameters)) {
      out.printf("Evaluating %s with the weights %s on %s%n", network.spec().name(), weights.weights,
          session.device().info().name());
      out.printf(Locale.ROOT, "%s test split: %,d images%s, from %s%n", testSet.name(), images,
          images < test.size() ? String.format(Locale.ROOT, " (the first %,d of %,d)", images, test.size()) : "",
          test.source());
      Evaluation evaluation = Evaluation.run(model, loader);
      out.println();
      EvaluationReport.print(evaluation, out);
      if (output != null) {
        ConfusionMatrixCsv.write(evaluation.matrix(), output);
        out.printf("%nConfusion matrix written to %s%n", output.toAbsolutePath());
      }
    }
    return ExitCodes.OK;
  }

  private void checkOptions() {
    CommandLine cli = spec.commandLine();
    if (batch < 1) {
      throw new ParameterException(cli, "--batch must be at least 1, not " + batch);
    }
    if (limit < 0) {
      throw new ParameterException(cli, "--limit must be 0 (every image) or more, not " + limit);
    }
  }
}
