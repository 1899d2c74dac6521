package netforge.examples.numerics;

import java.util.Random;
import netforge.examples.alexnet.AlexNetCifarModel;
import netforge.examples.alexnet.AlexNetModel;
import netforge.examples.lenet.LeNet5Model;
import netforge.examples.support.OpenCl;
import netforge.runtime.Device;
import netforge.runtime.Model;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The example networks, whole, against the double-precision reference at small batches. */
class WholeNetworksMatchReferenceTest {
  private static Device device;

  @BeforeAll
  static void openDevice() {
    device = OpenCl.open();
  }

  @AfterAll
  static void closeDevice() {
    if (device != null) {
      device.close();
    }
  }

  @Test
  void leNet5_matchesReference() {
    try (Model model = LeNet5Model.create(device, 5)) {
      KernelsMatchReferenceTest.assertMatchesReference(model, 3, new Random(5));
    }
  }

  @Test
  void alexNetCifar_matchesReference() {
    try (Model model = AlexNetCifarModel.create(device, 6)) {
      KernelsMatchReferenceTest.assertMatchesReference(model, 2, new Random(6));
    }
  }

  @Test
  void classicAlexNet_matchesReference() {
    try (Model model = AlexNetModel.create(device, 7)) {
      KernelsMatchReferenceTest.assertMatchesReference(model, 1, new Random(7));
    }
  }
}
