package netforge.processor.kernel;

import com.palantir.javapoet.CodeBlock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Java expression of one kernel with its arguments set by name, as generated code reads it:
 * {@code new ConvGemmArguments(p.kernel("alexnet_f01_conv_bias_relu")).ap(...).bp(...)}. Arguments are bound by
 * parameter name and checked against the kernel's {@link KernelSignature} when the code is rendered: an unknown
 * name, a parameter bound twice, or one left unbound is an error in the processor, never a wrong argument slot on
 * the device. Setters are called in the declaration's order, whatever order the call site binds them in.
 */
final class KernelLaunch {
  private final Kernel kernel;
  private final Map<String, CodeBlock> arguments = new LinkedHashMap<>();

  KernelLaunch(Kernel kernel) {
    this.kernel = kernel;
  }

  /** Binds {@code parameter} to a Java expression evaluated in the generated code. */
  KernelLaunch bind(String parameter, CodeBlock javaExpression) {
    boolean known = kernel.signature().boundAtCallSite().stream().anyMatch(p -> p.name().equals(parameter));
    if (!known) {
      throw new IllegalArgumentException(kernel.name() + " has no parameter " + parameter
          + " that a call site sets; its signature " + kernel.signature().name() + " is ("
          + kernel.signature().openCl() + ")");
    }
    if (arguments.put(parameter, javaExpression) != null) {
      throw new IllegalArgumentException(kernel.name() + ": " + parameter + " bound twice");
    }
    return this;
  }

  /** Binds {@code parameter} to Java source text ({@code "p.params()"}, {@code "n0"}). */
  KernelLaunch bind(String parameter, String javaExpression) {
    return bind(parameter, CodeBlock.of("$L", javaExpression));
  }

  /** Binds the dropout key, {@code training}, {@code seed} and {@code step}, from the pass. */
  KernelLaunch bindDropoutKey() {
    return bind("training", "p.training()").bind("seed", "p.seed()").bind("step", "p.step()");
  }

  /** Binds {@code pre} to the stage's pre-activation buffer, where the stage stores one (see {@link Signatures#forStage}). */
  KernelLaunch bindPreActivation(Stage stage) {
    return stage.storesPreActivation() ? bind("pre", stage.preActivation()) : this;
  }

  /** Binds {@code parameter} to a buffer of the pass. */
  KernelLaunch bind(String parameter, BufferName buffer) {
    return bind(parameter, buffer.read());
  }

  CodeBlock code(ArgumentClasses classes) {
    KernelSignature signature = kernel.signature();
    CodeBlock.Builder code = CodeBlock.builder().add("new $T(p.kernel($L))", classes.of(signature),
        classes.kernelName(kernel));
    for (KernelParameter parameter : signature.boundAtCallSite()) {
      CodeBlock value = arguments.get(parameter.name());
      if (value == null) {
        throw new IllegalStateException(kernel.name() + ": no argument for " + parameter.openCl());
      }
      code.add(".$N($L)", parameter.setter(), value);
    }
    return code.build();
  }
}
