package netforge.examples.cli;

import java.util.Arrays;
import netforge.runtime.Device;
import netforge.runtime.Model;
import netforge.runtime.ModelType;
import netforge.runtime.data.Dataset;
import netforge.runtime.spec.NetworkSpec;

/**
 * The network a command runs: one of the examples by its short name, or any generated model on the class path by
 * its class name ({@code com.example.TinyNet} or {@code com.example.TinyNetModel}).
 *
 * @param id how the user named it, for messages and result files
 */
public record NetworkChoice(String id, ModelType<?> type) {

  /**
   * Parses what {@code --network} says: an example's name first ({@code alexnet-cifar}, {@code AlexNetCifar}), then a
   * class name looked up with {@code loader}.
   *
   * @throws IllegalArgumentException naming the value and what it could have been
   */
  public static NetworkChoice parse(String text, ClassLoader loader) {
    try {
      return ExampleNetwork.parse(text).choice();
    } catch (IllegalArgumentException notAnExample) {
      if (!text.contains(".")) {
        throw new IllegalArgumentException("unknown network '" + text + "'; choose one of " + ExampleNetwork.ids()
            + ", or give the class name of a network of your own (com.example.MyNet) with --classpath", notAnExample);
      }
      ModelType<?> type = ModelType.forName(text, loader);
      // An example named by its class (as a weights file records it) keeps its short name in messages.
      return Arrays.stream(ExampleNetwork.values()).filter(example -> example.type() == type).findFirst()
          .map(ExampleNetwork::choice).orElseGet(() -> new NetworkChoice(text, type));
    }
  }

  public NetworkSpec spec() {
    return type.spec();
  }

  public String summary() {
    return type.summary();
  }

  public Model create(Device device, long seed) {
    return type.create(device, seed);
  }

  public String programSource() {
    return type.programSource();
  }

  /**
   * A network's outputs are a data set's classes only if there are as many of them: checked before training on the
   * data set, and before reading weights as its classes.
   *
   * @throws IllegalArgumentException (exit code {@value ExitCodes#USAGE}) when there are not
   */
  public void requireClassesOf(Dataset dataset) {
    int outputs = spec().classes();
    int classes = dataset.classNames().size();
    if (outputs != classes) {
      throw new IllegalArgumentException(id + " has " + outputs + " output classes but " + dataset.name() + " has "
          + classes + ": its outputs cannot be read as " + dataset.name() + "'s classes"
          + (classes < 100 ? " " + dataset.classNames() : ""));
    }
  }

  @Override
  public String toString() {
    return id;
  }
}
