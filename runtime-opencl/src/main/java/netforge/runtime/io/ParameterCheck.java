package netforge.runtime.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.ParamSpec;

/**
 * Compares the tensors of a file with the parameters a network expects, and reports every disagreement at once:
 * missing and unexpected names (with "did you mean"), dtypes, and shapes, naming the network the file says it
 * holds when that is another. Order does not matter, so files PyTorch wrote (names sorted, no network metadata)
 * load as well as NetForge's own.
 */
final class ParameterCheck {
  /** The metadata key naming the network a file holds. */
  static final String NETWORK_KEY = "network";
  /** The metadata key that marks a training checkpoint (netforge.runtime.train.Checkpoint writes it). */
  static final String CHECKPOINT_KEY = "netforge.checkpoint";
  /** NetForge keeps parameters in F32 only. */
  static final Dtype PARAMETER_DTYPE = Dtype.F32;
  /** Longer lists are cut, so that a file of another model does not flood the screen. */
  private static final int MAX_LISTED = 10;

  private ParameterCheck() {}

  static void check(SafetensorsFile file, NetworkSpec spec) throws SafetensorsException {
    List<String> problems = new ArrayList<>();
    Set<String> expected = new LinkedHashSet<>();
    spec.parameters().forEach(p -> expected.add(p.name()));

    List<String> missing = new ArrayList<>();
    for (ParamSpec param : spec.parameters()) {
      if (!file.contains(param.name())) {
        missing.add(param.name() + " " + Arrays.toString(param.shape()));
        continue;
      }
      Dtype dtype = file.dtype(param.name());
      long[] shape = file.shape(param.name());
      long[] wanted = Arrays.stream(param.shape()).asLongStream().toArray();
      if (!Arrays.equals(shape, wanted)) {
        problems.add(param.name() + " has shape " + Arrays.toString(shape) + " but " + spec.name() + "'s "
            + param.name() + " is " + Arrays.toString(wanted));
      }
      if (dtype != PARAMETER_DTYPE) {
        problems.add(param.name() + " is " + dtype + " but " + spec.name() + "'s parameters are "
            + PARAMETER_DTYPE + " (convert the file to " + PARAMETER_DTYPE + ")");
      }
    }
    Set<String> missingNames = new LinkedHashSet<>(expected);
    missingNames.removeAll(file.names());
    // A checkpoint's weights are the latest epoch's; its other tensors (optimizer state, data order) are the run's.
    boolean checkpoint = file.metadata().containsKey(CHECKPOINT_KEY);
    List<String> unexpected = file.names().stream()
        .filter(name -> !expected.contains(name) && !checkpoint)
        .map(name -> name + NameSuggestion.hint(name, missingNames))
        .collect(Collectors.toList());
    if (!missing.isEmpty()) {
      problems.add(0, "missing " + count(missing.size(), "tensor") + ": " + listed(missing));
    }
    if (!unexpected.isEmpty()) {
      problems.add(missing.isEmpty() ? 0 : 1, "unexpected " + count(unexpected.size(), "tensor") + ": "
          + listed(unexpected));
    }
    if (problems.isEmpty()) {
      return;
    }
    String network = file.metadata().get(NETWORK_KEY);
    String otherNetwork = network != null && !network.equals(spec.name())
        ? "this file holds " + network + "'s weights, not " + spec.name() + "'s; "
        : "";
    if (problems.size() == 1) {
      throw new SafetensorsException(file.file(), otherNetwork + problems.get(0));
    }
    throw new SafetensorsException(file.file(), otherNetwork + "the tensors do not match " + spec.name()
        + "'s parameters:\n  " + String.join("\n  ", problems));
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String listed(List<String> items) {
    String shown = String.join(", ", items.subList(0, Math.min(items.size(), MAX_LISTED)));
    return items.size() <= MAX_LISTED ? shown : shown + " and " + (items.size() - MAX_LISTED) + " more";
  }
}
