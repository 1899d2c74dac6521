package netforge.examples.cli.command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import netforge.examples.cli.DataOptions;
import netforge.examples.cli.DatasetChoice;
import netforge.examples.cli.DatasetChoiceConverter;
import netforge.examples.cli.DeviceOption;
import netforge.examples.cli.NetworkChoice;
import netforge.examples.cli.ExitCodes;
import netforge.examples.cli.ReturnsExitCodes;
import netforge.examples.cli.ModelSession;
import netforge.examples.cli.WeightsOptions;
import netforge.runtime.Logits;
import netforge.runtime.Model;
import netforge.runtime.TopClasses;
import netforge.runtime.data.Dataset;
import netforge.runtime.data.DatasetLocator;
import netforge.runtime.data.ImageInput;
import netforge.runtime.data.ImageShape;
import netforge.runtime.image.ImageFile;
import netforge.runtime.image.UnreadableImageException;
import netforge.runtime.io.Weights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code netforge predict}: the most likely classes of image files, with their probabilities.
 *
 * <p>A network answers only questions like the ones it was trained on. Fashion-MNIST's images are 28x28 grey, one
 * light garment centred on a black background: an ordinary photo (a dark shirt on a white bed, a person wearing
 * it) is prepared correctly and still gets an arbitrary answer, often a confident one. The help says so.
 */
@ReturnsExitCodes({ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE, ExitCodes.NO_DEVICE, ExitCodes.NO_DATA,
    ExitCodes.OUT_OF_MEMORY})
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Classify image files with trained weights: the most likely classes of each, with probabilities "
        + "(softmax of the network's outputs) in %%.",
        "Any size and mode javax.imageio reads (PNG, JPEG, GIF, BMP, TIFF; grey, RGB, alpha, palette, 16-bit) is "
            + "prepared as the data set's test images are: converted to its channels (colour to grey as PIL's "
            + "convert('L')), resized to the network's input (bilinear), normalised."},
    footer = {"", "Examples:",
        "  netforge predict --weights runs/train/model.safetensors shirt.png boot.jpg",
        "  netforge predict --network lenet5 --weights runs/lenet/model.safetensors \\",
        "      --top 5 pictures/*.png",
        "  netforge predict --classes cifar10 --weights runs/cifar/model.safetensors \\",
        "      cat.jpg",
        "  netforge predict --classes folder:photos \\",
        "      --weights runs/photos/model.safetensors new/*.jpg",
        "",
        "Fashion-MNIST's images are light garments centred on a black background, 28x28 grey: a photo unlike them "
            + "(dark on white, a whole scene) gets an arbitrary answer, however confident. Transparent pixels "
            + "become black.",
        "A file that cannot be read gets an error naming it; the other images are still predicted, and the exit "
            + "code is 1. A damaged file the decoder still reads (a truncated JPEG) is predicted with a warning; a "
            + "CMYK JPEG is refused."})
public final class PredictCommand implements Callable<Integer> {
  /** Images read and run at a time: one forward pass each, and a bounded amount of memory for long lists. */
  static final int IMAGES_PER_PASS = 32;

  @Spec
  CommandSpec spec;

  @Mixin
  WeightsOptions weights;

  @Option(names = "--classes", paramLabel = "DATASET", defaultValue = "fashion-mnist",
      converter = DatasetChoiceConverter.class,
      description = DatasetChoice.CHOICES + ": the data set the weights were trained on, which names the "
          + "classes and says how to prepare images. Default: ${DEFAULT-VALUE}.")
  DatasetChoice classes;

  @Option(names = "--top", paramLabel = "K", defaultValue = "3",
      description = "How many of the most probable classes to show per image. Default: ${DEFAULT-VALUE}.")
  int top;

  @Mixin
  DeviceOption device;

  @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Image files.")
  List<Path> images;

  /** One image file after reading: its network input, or why it has none. */
  private record Prepared(Path file, String about, float[] input, List<String> warnings,
      UnreadableImageException failure) {}

  @Override
  public Integer call() throws Exception {
    if (top < 1) {
      throw new ParameterException(spec.commandLine(), "--top must be at least 1, not " + top);
    }
    NetworkChoice network = weights.network();
    PrintStream out = System.out;
    ImageShape input = ImageShape.inputOf(network.spec());
    // Nothing is loaded: the data set only names the classes and says how its images are prepared.
    Dataset dataset = classes.open(DatasetLocator.builder().build(), DataOptions.DEFAULT_TEST_FRACTION, input, out);
    network.requireClassesOf(dataset);
    ImageInput preparation = dataset.imageInput(input);
    Weights parameters = weights.read();
    PrintWriter err = spec.commandLine().getErr();
    int failed = 0;
    try (ModelSession session = ModelSession.open(device, network, System.err); Model model = session.load(parameters)) {
      out.printf(Locale.ROOT, "%s with the weights %s on %s; %s classes, top %d of %d%n", network.spec().name(),
          weights.weights, session.device().info().name(), dataset.name(),
          Math.min(top, dataset.classNames().size()), dataset.classNames().size());
      for (int start = 0; start < images.size(); start += IMAGES_PER_PASS) {
        List<Prepared> pass = new ArrayList<>();
        for (Path file : images.subList(start, Math.min(start + IMAGES_PER_PASS, images.size()))) {
          pass.add(prepare(file, preparation));
        }
        failed += predict(model, dataset.classNames(), pass, out, err);
      }
    }
    if (failed > 0) {
      err.printf(Locale.ROOT, "%d of %d image files could not be read%n", failed, images.size());
      err.flush();
      return ExitCodes.FAILED;
    }
    return ExitCodes.OK;
  }

  private static Prepared prepare(Path file, ImageInput preparation) {
    try {
      ImageFile image = ImageFile.read(file);
      return new Prepared(file, image.describe(), preparation.prepare(image.image()).values(), image.warnings(), null);
    } catch (UnreadableImageException e) {
      return new Prepared(file, null, null, List.of(), e);
    }
  }

  /** One forward pass over the readable images of {@code pass}; prints every file in order. Returns the failures. */
  private int predict(Model model, List<String> classNames, List<Prepared> pass, PrintStream out,
      PrintWriter err) {
    int inputSize = model.spec().inputSize();
    List<Prepared> readable = pass.stream().filter(p -> p.failure() == null).toList();
    float[] inputs = new float[readable.size() * inputSize];
    for (int n = 0; n < readable.size(); n++) {
      System.arraycopy(readable.get(n).input(), 0, inputs, n * inputSize, inputSize);
    }
    float[] logits = readable.isEmpty() ? new float[0] : model.forward(inputs, readable.size());
    int classCount = model.spec().classes();
    int failures = 0;
    int row = 0;
    for (Prepared image : pass) {
      if (image.failure() != null) {
        out.flush();
        err.println(spec.commandLine().getColorScheme().errorText("error: ") + image.failure().getMessage());
        err.flush();
        failures++;
        continue;
      }
      double[] probabilities = Logits.softmax(logits, row++, classCount);
      if (!image.warnings().isEmpty()) {
        // Still predicted, as other programs still show such a file; but not as if it were whole.
        out.flush();
        err.println("warning: " + image.file() + ": the decoder reported " + String.join("; ", image.warnings())
            + ": the image is damaged or incomplete, and its prediction may be meaningless");
        err.flush();
      }
      out.printf("%s: %s%n", image.file(), image.about());
      List<TopClasses.ClassProbability> best = TopClasses.of(probabilities, classNames, top);
      int nameWidth = best.stream().mapToInt(c -> c.name().length()).max().orElse(0);
      int rankWidth = Integer.toString(best.size()).length();
      for (int rank = 0; rank < best.size(); rank++) {
        TopClasses.ClassProbability c = best.get(rank);
        out.printf(Locale.ROOT, "  %" + rankWidth + "d. %-" + nameWidth + "s  %6.2f%%%n", rank + 1, c.name(),
            100 * c.probability());
      }
    }
    out.flush();
    return failures;
  }
}
