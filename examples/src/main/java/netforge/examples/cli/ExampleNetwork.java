package netforge.examples.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import netforge.examples.alexnet.AlexNetCifarModel;
import netforge.examples.alexnet.AlexNetImageNetModel;
import netforge.examples.alexnet.AlexNetModel;
import netforge.examples.lenet.LeNet5Model;
import netforge.runtime.Device;
import netforge.runtime.Model;
import netforge.runtime.cl.ProgramSource;
import netforge.runtime.data.Dataset;
import netforge.runtime.spec.NetworkSpec;

/**
 * The example networks the command line knows, by the names users type: the one table of them. Each row names its
 * generated model class once; its spec, summary, factory and OpenCL program all come from that class, and the
 * names help texts and shell completion offer ({@link NetworkNames}) come from {@link #ids()}.
 */
public enum ExampleNetwork {
  ALEXNET("alexnet", "classic AlexNet, 1x227x227, 10 classes", AlexNetModel.class, AlexNetModel.SPEC,
      AlexNetModel.summary(), AlexNetModel::create),
  ALEXNET_CIFAR("alexnet-cifar", "the tutorial's AlexNet for 3x32x32 (CIFAR-10, Fashion-MNIST resized)",
      AlexNetCifarModel.class, AlexNetCifarModel.SPEC, AlexNetCifarModel.summary(), AlexNetCifarModel::create),
  ALEXNET_IMAGENET("alexnet-imagenet", "classic AlexNet, 3x227x227, 1000 classes", AlexNetImageNetModel.class,
      AlexNetImageNetModel.SPEC, AlexNetImageNetModel.summary(), AlexNetImageNetModel::create),
  LENET5("lenet5", "LeNet-5 with ReLU and max pooling, 1x28x28", LeNet5Model.class, LeNet5Model.SPEC,
      LeNet5Model.summary(), LeNet5Model::create);

  private final String id;
  private final String about;
  private final Class<? extends Model> modelClass;
  private final NetworkSpec spec;
  private final String summary;
  private final BiFunction<Device, Long, Model> factory;

  ExampleNetwork(String id, String about, Class<? extends Model> modelClass, NetworkSpec spec, String summary,
      BiFunction<Device, Long, Model> factory) {
    this.id = id;
    this.about = about;
    this.modelClass = modelClass;
    this.spec = spec;
    this.summary = summary;
    this.factory = factory;
  }

  public String id() {
    return id;
  }

  public String about() {
    return about;
  }

  public NetworkSpec spec() {
    return spec;
  }

  /** The per-layer table the processor computed at compile time. */
  public String summary() {
    return summary;
  }

  public Model create(Device device, long seed) {
    return factory.apply(device, seed);
  }

  /** The network's generated OpenCL program, as the processor wrote it next to the model class. */
  public String programSource() {
    return ProgramSource.besides(modelClass, modelClass.getSimpleName() + ".cl");
  }

  /**
   * A network's outputs are a data set's classes only if there are as many of them: checked before training on the
   * data set, and before reading weights as its classes.
   *
   * @throws IllegalArgumentException (exit code {@value ExitCodes#USAGE}) when there are not
   */
  public void requireClassesOf(Dataset dataset) {
    int outputs = spec.classes();
    int classes = dataset.classNames().size();
    if (outputs != classes) {
      throw new IllegalArgumentException(id + " has " + outputs + " output classes but " + dataset.name() + " has "
          + classes + ": its outputs cannot be read as " + dataset.name() + "'s classes"
          + (classes < 100 ? " " + dataset.classNames() : ""));
    }
  }

  /** Parses a name users type ({@code alexnet-cifar}, {@code AlexNetCifar}, {@code alexnet_cifar}). */
  public static ExampleNetwork parse(String text) {
    String key = text.toLowerCase(Locale.ROOT).replace('_', '-');
    for (ExampleNetwork n : values()) {
      if (n.id.equals(key) || n.spec.name().toLowerCase(Locale.ROOT).equals(key.replace("-", ""))) {
        return n;
      }
    }
    throw new IllegalArgumentException("unknown network '" + text + "'; choose one of " + ids());
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(ExampleNetwork::id).toList();
  }

  @Override
  public String toString() {
    return id;
  }
}
