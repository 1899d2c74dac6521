package netforge.examples.numerics;

import java.util.Random;
import netforge.examples.alexnet.AlexNetCifarModel;
import netforge.examples.alexnet.AlexNetModel;
import netforge.examples.lenet.LeNet5Model;
import netforge.runtime.Model;
import netforge.runtime.testing.NeedsOpenCl;
import netforge.runtime.testing.OpenClDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The example networks, whole, against the double-precision reference at small batches. */
@NeedsOpenCl
class WholeNetworksMatchReferenceTest {
  @RegisterExtension static final OpenClDevice DEVICE = new OpenClDevice();

  @Test
  void leNet5_matchesReference() {
    try (Model model = LeNet5Model.create(DEVICE.get(), 5)) {
      KernelsMatchReferenceTest.assertMatchesReference(model, 3, new Random(5));
    }
  }

  @Test
  void alexNetCifar_matchesReference() {
    try (Model model = AlexNetCifarModel.create(DEVICE.get(), 6)) {
      KernelsMatchReferenceTest.assertMatchesReference(model, 2, new Random(6));
    }
  }

  @Test
  void classicAlexNet_matchesReference() {
    try (Model model = AlexNetModel.create(DEVICE.get(), 7)) {
      KernelsMatchReferenceTest.assertMatchesReference(model, 1, new Random(7));
    }
  }
}
