package netforge.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import netforge.runtime.ParameterInit;
import netforge.runtime.io.Safetensors;

/** Weights files for the commands to load, written without a device: PyTorch's initialisation of a network. */
final class Weights {
  private Weights() {}

  static Path initial(ExampleNetwork network, long seed, Path file) throws IOException {
    Safetensors.save(file, network.spec(), ParameterInit.pytorchDefault(network.spec(), seed));
    return file;
  }
}
