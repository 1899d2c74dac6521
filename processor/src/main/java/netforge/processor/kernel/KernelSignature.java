package netforge.processor.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ordered, typed parameters of a family of kernels, and the name of the Java class that sets them by name
 * ({@code ConvGemm -> ConvGemmArguments}). Both the OpenCL parameter list ({@link Kernel#header()}) and the
 * generated launch code ({@link KernelLaunch}) are rendered from it, so adding a parameter is one edit here; a
 * launch that leaves it unset then fails generation.
 *
 * @param name the argument class's name, without {@code Arguments}
 * @param launcher the runtime helper that launches the family's kernels
 * @param shared whether the argument class is the runtime's ({@code SharedKernelArguments}), for kernels every
 *     program has and the runtime launches without a generated model (the GEMM benchmark)
 */
record KernelSignature(String name, Launcher launcher, boolean shared, List<KernelParameter> parameters) {

  KernelSignature {
    parameters = List.copyOf(parameters);
    Set<String> names = parameters.stream().map(KernelParameter::name).collect(Collectors.toSet());
    if (names.size() != parameters.size()) {
      throw new IllegalArgumentException(name + ": two parameters share a name: " + parameters);
    }
    for (String set : launcher.sets) {
      if (!names.contains(set)) {
        throw new IllegalArgumentException(name + ": " + launcher + " sets " + set + ", which it lacks");
      }
    }
  }

  /** A signature whose argument class is generated into each model. */
  static KernelSignature of(String name, Launcher launcher, List<KernelParameter> parameters) {
    return new KernelSignature(name, launcher, false, parameters);
  }

  /** This signature with {@code more} parameters after its own, under another name. */
  KernelSignature then(String name, List<KernelParameter> more) {
    List<KernelParameter> all = new ArrayList<>(parameters);
    all.addAll(more);
    return new KernelSignature(name, launcher, shared, all);
  }

  KernelSignature sharedByEveryProgram() {
    return new KernelSignature(name, launcher, true, parameters);
  }

  /** The OpenCL parameter list, without parentheses. */
  String openCl() {
    return parameters.stream().map(KernelParameter::openCl).collect(Collectors.joining(", "));
  }

  /**
   * What the argument class depends on: the launcher and each parameter's setter and Java type. Signatures that
   * differ only in OpenCL types (a byte or an int argmax) share one argument class.
   */
  List<Object> javaShape() {
    List<Object> shape = new ArrayList<>();
    shape.add(launcher);
    parameters.forEach(p -> shape.add(p.setter() + ":" + p.type().java));
    return shape;
  }

  /** The parameters a call site binds: all but those the launcher sets. */
  List<KernelParameter> boundAtCallSite() {
    return parameters.stream().filter(p -> !launcher.sets.contains(p.name())).toList();
  }
}
