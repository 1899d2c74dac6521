package netforge.processor.kernel;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netforge.processor.runtime.RuntimeTypes;

/**
 * The argument classes the launches of one generated sequence use: the runtime's for the kernels every program
 * shares, generated ones, nested in {@code owner}, for the rest. Records which generated ones are used, in order of
 * first use, so that exactly those are written.
 */
public final class ArgumentClasses {
  private final ClassName owner;
  private final Map<String, KernelSignature> generated = new LinkedHashMap<>();

  public ArgumentClasses(ClassName owner) {
    this.owner = owner;
  }

  ClassName of(KernelSignature signature) {
    if (signature.shared()) {
      return RuntimeTypes.SHARED_KERNEL_ARGUMENTS.nestedClass(signature.name());
    }
    KernelSignature known = generated.putIfAbsent(signature.name(), signature);
    if (known != null && !known.javaShape().equals(signature.javaShape())) {
      throw new IllegalStateException("two signatures are called " + signature.name() + ": " + known + " and "
          + signature);
    }
    return owner.nestedClass(signature.name() + "Arguments");
  }

  /**
   * The kernel's name as generated code passes it to {@code p.kernel}: a literal, also for a shared kernel (whose
   * runtime constant {@code SharedKernelArgumentsTest} keeps equal). A static {@code Type.KERNEL} would be an
   * expression a user's field of the same name as the type hides (JavaPoet qualifies a nested type only by its
   * own simple name); a literal cannot be hidden.
   */
  CodeBlock kernelName(Kernel kernel) {
    return CodeBlock.of("$S", kernel.name());
  }

  /** The generated argument classes used so far. */
  List<KernelSignature> generated() {
    return new ArrayList<>(generated.values());
  }

  /** The generated argument classes used so far, in order of first use, as types nested in the owner. */
  public List<TypeSpec> nestedTypes() {
    List<TypeSpec> types = new ArrayList<>();
    for (KernelSignature signature : generated()) {
      types.add(ArgumentClassWriter.nested(of(signature), signature));
    }
    return types;
  }
}
