package netforge.runtime.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.ParamSpec;
import netforge.runtime.spec.StateSpec;

/**
 * Compares the tensors of a file with the parameters and state a network expects, and reports every disagreement at
 * once: missing and unexpected names (with "did you mean"), dtypes (F32, and I64 for a BatchNorm's
 * {@code num_batches_tracked}, as PyTorch saves it), and shapes, naming the network the file says it holds when that
 * is another. Order does not matter, so files PyTorch wrote (names sorted, no network metadata)
 * load as well as NetForge's own.
 */
final class ParameterCheck {
  /** The metadata key naming the network a file holds. */
  static final String NETWORK_KEY = "network";
  /** The metadata key that marks a training checkpoint (netforge.runtime.train.Checkpoint writes it). */
  static final String CHECKPOINT_KEY = "netforge.checkpoint";
  /** NetForge keeps parameters (and running statistics) in F32 only. */
  static final Dtype PARAMETER_DTYPE = Dtype.F32;
  /** A BatchNorm's step count, as PyTorch keeps it: a 64-bit integer. */
  static final Dtype COUNTER_DTYPE = Dtype.I64;
  /** Longer lists are cut, so that a file of another model does not flood the screen. */
  private static final int MAX_LISTED = 10;

  private ParameterCheck() {}

  static void check(SafetensorsFile file, NetworkSpec spec) throws SafetensorsException {
    List<String> problems = new ArrayList<>();
    Set<String> expected = new LinkedHashSet<>();
    spec.parameters().forEach(p -> expected.add(p.name()));
    spec.state().forEach(s -> expected.add(s.name()));

    List<String> missing = new ArrayList<>();
    for (ParamSpec param : spec.parameters()) {
      checkTensor(file, spec, param.name(), param.shape(), PARAMETER_DTYPE, "parameters", missing, problems);
    }
    for (StateSpec state : spec.state()) {
      if (state.kind().isCounter()) {
        checkTensor(file, spec, state.name(), state.shape(), COUNTER_DTYPE,
            "step counts (PyTorch's num_batches_tracked)", missing, problems);
      } else {
        checkTensor(file, spec, state.name(), state.shape(), PARAMETER_DTYPE, "running statistics", missing,
            problems);
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
        + "'s parameters" + (spec.state().isEmpty() ? "" : " and state") + ":\n  " + String.join("\n  ", problems));
  }

  /** One expected tensor: missing, or of another shape or dtype than {@code spec} has it. */
  private static void checkTensor(SafetensorsFile file, NetworkSpec spec, String name, int[] shape, Dtype wanted,
      String what, List<String> missing, List<String> problems) throws SafetensorsException {
    if (!file.contains(name)) {
      missing.add(name + " " + Arrays.toString(shape));
      return;
    }
    long[] found = file.shape(name);
    long[] expected = Arrays.stream(shape).asLongStream().toArray();
    if (!Arrays.equals(found, expected)) {
      problems.add(name + " has shape " + Arrays.toString(found) + " but " + spec.name() + "'s " + name + " is "
          + Arrays.toString(expected) + (expected.length == 0 ? " (a scalar)" : ""));
    }
    Dtype dtype = file.dtype(name);
    if (dtype != wanted) {
      problems.add(name + " is " + dtype + " but " + spec.name() + "'s " + what + " are " + wanted
          + " (convert the file to " + wanted + ")");
    }
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String listed(List<String> items) {
    String shown = String.join(", ", items.subList(0, Math.min(items.size(), MAX_LISTED)));
    return items.size() <= MAX_LISTED ? shown : shown + " and " + (items.size() - MAX_LISTED) + " more";
  }
}
