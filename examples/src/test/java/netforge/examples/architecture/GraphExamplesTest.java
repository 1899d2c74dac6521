package netforge.examples.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import netforge.examples.inception.MiniInceptionModel;
import netforge.examples.resnet.ResNet18CifarModel;
import netforge.examples.resnet.ResNet18Model;
import netforge.examples.vgg.Vgg11BnModel;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.ParamSpec;
import netforge.runtime.spec.StateSpec;
import org.junit.jupiter.api.Test;

/**
 * The graph examples as the processor inferred them: parameter counts as PyTorch counts them (the ResNets'
 * published figures), and torchvision's tensor names, so a state dict moves between the two as it is.
 */
class GraphExamplesTest {
  @Test
  void resNet18Cifar_has11173962Parameters() {
    assertEquals(11_173_962L, ResNet18CifarModel.SPEC.parameterCount());
    assertEquals(11_173_962L, ResNet18CifarModel.PARAMETERS);
  }

  @Test
  void torchvisionResNet18_has11689512Parameters() {
    assertEquals(11_689_512L, ResNet18Model.SPEC.parameterCount());
  }

  @Test
  void vgg11Bn_andMiniInception_haveTheirCounts() {
    // VGG-11-BN for CIFAR: 9,220,480 in the eight convolutions (with their biases), 5,504 in their BatchNorms
    // (2 x 2,752 channels), 5,130 in the classifier.
    assertEquals(9_231_114L, Vgg11BnModel.SPEC.parameterCount());
    assertEquals(70_226L, MiniInceptionModel.SPEC.parameterCount());
  }

  @Test
  void resNet18_namesItsTensorsAsTorchvision() {
    List<String> names = names(ResNet18Model.SPEC);
    assertEquals(List.of("conv1.weight", "bn1.weight", "bn1.bias", "layer1.0.conv1.weight", "layer1.0.bn1.weight",
        "layer1.0.bn1.bias", "layer1.0.conv2.weight", "layer1.0.bn2.weight", "layer1.0.bn2.bias"),
        names.subList(0, 9));
    assertEquals(List.of("fc.weight", "fc.bias"), names.subList(names.size() - 2, names.size()));
    int downsample = names.indexOf("layer2.0.downsample.0.weight");
    assertEquals(List.of("layer2.0.downsample.0.weight", "layer2.0.downsample.1.weight", "layer2.0.downsample.1.bias",
        "layer2.1.conv1.weight"), names.subList(downsample, downsample + 4));
    List<String> state = ResNet18Model.SPEC.state().stream().map(StateSpec::name).toList();
    assertEquals(List.of("bn1.running_mean", "bn1.running_var", "bn1.num_batches_tracked"), state.subList(0, 3));
    assertEquals(20 * 3, state.size(), "20 BatchNorms, 3 state tensors each");
  }

  private static List<String> names(NetworkSpec spec) {
    return spec.parameters().stream().map(ParamSpec::name).toList();
  }
}
