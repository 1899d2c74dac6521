package netforge.examples.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import netforge.examples.alexnet.AlexNetCifarModel;
import netforge.examples.alexnet.AlexNetImageNetModel;
import netforge.examples.alexnet.AlexNetModel;
import netforge.examples.inception.MiniInceptionModel;
import netforge.examples.lenet.LeNet5Model;
import netforge.examples.resnet.ResNet18CifarModel;
import netforge.examples.resnet.ResNet18Model;
import netforge.examples.vgg.Vgg11BnModel;
import netforge.runtime.ModelType;
import netforge.runtime.spec.NetworkSpec;

/**
 * The example networks the command line knows, by the names users type: the one table of them. Each row names its
 * generated model class once; its spec, summary, factory and OpenCL program all come from that class, and the
 * names help texts and shell completion offer ({@link NetworkNames}) come from {@link #ids()}. Networks of the
 * user's own are found by class name instead ({@link NetworkChoice}).
 */
public enum ExampleNetwork {
  ALEXNET("alexnet", "classic AlexNet, 1x227x227, 10 classes", AlexNetModel.TYPE),
  ALEXNET_CIFAR("alexnet-cifar", "the tutorial's AlexNet for 3x32x32 (CIFAR-10, Fashion-MNIST resized)",
      AlexNetCifarModel.TYPE),
  ALEXNET_IMAGENET("alexnet-imagenet", "classic AlexNet, 3x227x227, 1000 classes", AlexNetImageNetModel.TYPE),
  LENET5("lenet5", "LeNet-5 with ReLU and max pooling, 1x28x28", LeNet5Model.TYPE),
  MINI_INCEPTION("mini-inception", "three Inception modules (1x1, 3x3 and pool branches concatenated), 3x32x32",
      MiniInceptionModel.TYPE),
  RESNET18_CIFAR("resnet18-cifar", "ResNet-18 with a 3x3 stem and no max pool, 3x32x32 (CIFAR-10)",
      ResNet18CifarModel.TYPE),
  RESNET18("resnet18", "torchvision's ResNet-18, 3x224x224, 1000 classes", ResNet18Model.TYPE),
  VGG11_BN("vgg11-bn", "VGG-11 with BatchNorm, 3x32x32 (CIFAR-10)", Vgg11BnModel.TYPE);

  private final String id;
  private final String about;
  private final ModelType<?> type;

  ExampleNetwork(String id, String about, ModelType<?> type) {
    this.id = id;
    this.about = about;
    this.type = type;
  }

  public String id() {
    return id;
  }

  public String about() {
    return about;
  }

  /** This example as the network a command runs. */
  public NetworkChoice choice() {
    return new NetworkChoice(id, type);
  }

  public NetworkSpec spec() {
    return type.spec();
  }

  /** The generated model class: its summary, its factory, its OpenCL program. */
  public ModelType<?> type() {
    return type;
  }

  /** Parses a name users type ({@code alexnet-cifar}, {@code AlexNetCifar}, {@code alexnet_cifar}). */
  public static ExampleNetwork parse(String text) {
    String key = text.toLowerCase(Locale.ROOT).replace('_', '-');
    for (ExampleNetwork n : values()) {
      if (n.id.equals(key) || n.spec().name().toLowerCase(Locale.ROOT).equals(key.replace("-", ""))) {
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
