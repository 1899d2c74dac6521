package netforge.examples.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import netforge.runtime.io.NonFiniteValues;
import netforge.runtime.io.Safetensors;
import netforge.runtime.io.SafetensorsException;
import netforge.runtime.io.SafetensorsFile;
import netforge.runtime.io.Weights;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --network} and {@code --weights}: which network, and the trained parameters to put into it. */
public final class WeightsOptions {
  /** What {@code netforge train} writes into its output directory at the end. */
  static final String TRAINED_WEIGHTS = "model.safetensors";

  @Option(names = "--network", paramLabel = "NETWORK", completionCandidates = NetworkNames.class,
      description = "${COMPLETION-CANDIDATES}, or the class name of a network of your own (on --classpath): the "
          + "network the weights belong to. Default: the one the weights file names (NetForge records it; "
          + "PyTorch's files need --network).")
  String networkName;

  @Mixin
  ClassPathOption classPath;

  private NetworkChoice network;

  @Option(names = "--weights", paramLabel = "FILE", required = true,
      description = "A safetensors file of the network's parameters, as 'netforge train' writes "
          + "(DIR/" + TRAINED_WEIGHTS + ", best.safetensors; DIR/checkpoint.safetensors gives the last epoch's) "
          + "or PyTorch's safetensors.torch.save_file.")
  public Path weights;

  /**
   * The options as a command with an optional weights file has them ({@code export}): {@code networkName} may be
   * null, to take the network the file names.
   */
  public static WeightsOptions of(Path weights, String networkName, ClassPathOption classPath) {
    WeightsOptions options = new WeightsOptions();
    options.weights = weights;
    options.networkName = networkName;
    options.classPath = classPath;
    return options;
  }

  /**
   * Fails with a one-line message, before any device or data set work, when {@code --weights} names no file: a
   * usage error, since the path is the user's argument.
   *
   * @throws IllegalArgumentException (exit code {@value ExitCodes#USAGE}) naming the path and what is wrong
   */
  public void checkExists() {
    if (Files.isDirectory(weights)) {
      Path inside = weights.resolve(TRAINED_WEIGHTS);
      throw new IllegalArgumentException("--weights " + weights + " is a directory, not a weights file"
          + (Files.isRegularFile(inside) ? " (did you mean " + inside + "?)" : ""));
    }
    if (!Files.exists(weights)) {
      throw new IllegalArgumentException("--weights " + weights + ": no such file");
    }
  }

  /**
   * The network the weights belong to: {@code --network}, or else the one the file's metadata names (the model
   * class NetForge records on save, or an example network's name). Looked up once.
   *
   * @throws IllegalArgumentException (exit code {@value ExitCodes#USAGE}) when there is no such network, or the
   *     file does not say and {@code --network} is not given
   * @throws IOException naming the file when its metadata cannot be read
   */
  public NetworkChoice network() throws IOException {
    if (network == null) {
      network = networkName != null ? NetworkChoice.parse(networkName, classPath.loader()) : fromMetadata();
    }
    return network;
  }

  private NetworkChoice fromMetadata() throws IOException {
    checkExists();
    Map<String, String> metadata;
    try {
      metadata = SafetensorsFile.readMetadata(weights);
    } catch (SafetensorsException e) {
      throw e; // names the file and what is wrong with it already
    } catch (IOException e) {
      throw new IOException(weights + ": cannot read the weights file: " + e.getMessage(), e);
    }
    String modelClass = metadata.get(Safetensors.MODEL_CLASS_KEY);
    String name = modelClass != null ? modelClass : metadata.get(Safetensors.NETWORK_KEY);
    if (name == null) {
      throw new IllegalArgumentException("--weights " + weights + " does not say which network it holds (files "
          + "PyTorch writes do not); give --network");
    }
    try {
      return NetworkChoice.parse(name, classPath.loader());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--weights " + weights + " holds " + name + "'s weights, which cannot be "
          + "loaded: " + e.getMessage() + "; give --network (and --classpath for a network of your own)", e);
    }
  }

  /**
   * The parameters (and the BatchNorms' running statistics) in the file, checked against the network: every name,
   * shape and dtype. Read before a model is
   * built, so that a wrong file fails in a moment, not after the OpenCL program is compiled.
   *
   * @throws SafetensorsException naming the file and what is wrong with it: truncated or corrupt (exit code
   *     {@value ExitCodes#FAILED})
   * @throws IllegalArgumentException when the file is sound but its tensors are not the network's parameters: another
   *     network's, or other dtypes (exit code
   *     {@value ExitCodes#USAGE}: {@code --network} and {@code --weights} do not go together); the message lists
   *     the differences and, when the file says whose weights it holds, which {@code --network} takes it
   * @throws SafetensorsException also when a parameter holds NaN or infinity, naming the tensor (exit code
   *     {@value ExitCodes#FAILED})
   * @throws IOException naming the file, when it cannot be read at all
   */
  public Weights read() throws IOException {
    checkExists();
    Weights values;
    try {
      values = Safetensors.read(weights, network().spec());
    } catch (SafetensorsException e) {
      // Tells a damaged file from a sound file of another network by reading it once more without the network's
      // check: only on failure, so a good file is read once.
      SafetensorsFile sound = readUnchecked();
      if (sound == null) {
        throw e;
      }
      throw new IllegalArgumentException(e.getMessage() + hint(sound.metadata().get(Safetensors.NETWORK_KEY)), e);
    } catch (NoSuchFileException e) {
      throw new IOException(weights + ": the weights file disappeared while being read", e);
    } catch (AccessDeniedException e) {
      throw new IOException(weights + ": permission denied reading the weights file", e);
    } catch (IOException e) {
      throw new IOException(weights + ": cannot read the weights file: " + e.getMessage(), e);
    }
    // NaN weights give NaN outputs, or plausible-looking ones where a ReLU or max-pool hides the NaN.
    Optional<String> nonFinite = NonFiniteValues.describeFirst(network().spec(), values.parameters());
    if (nonFinite.isPresent()) {
      throw new SafetensorsException(weights, nonFinite.get() + "; these weights come from a run that diverged "
          + "and give no meaningful outputs");
    }
    return values;
  }

  /** The file as safetensors, whatever network it is for; null when it is not readable as safetensors at all. */
  private SafetensorsFile readUnchecked() {
    try {
      return SafetensorsFile.read(weights);
    } catch (IOException damaged) {
      return null;
    }
  }

  private String hint(String holder) {
    if (holder == null) {
      return "";
    }
    try {
      ExampleNetwork other = ExampleNetwork.parse(holder);
      return other.spec() == network.spec() ? "" : "\n(for this file, pass --network " + other.id() + ")";
    } catch (IllegalArgumentException notAnExample) {
      return "";
    }
  }
}
