package netforge.processor.kernel;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;
import netforge.processor.runtime.RuntimeTypes;

/**
 * Writes the Java class that sets a kernel signature's arguments by name: one setter per parameter, at the position
 * the declaration gives it, each a single {@code clSetKernelArg} as before. The setters the runtime's launcher calls
 * override its interface ({@code GemmArguments}, ...), so the compiler checks that they exist.
 */
public final class ArgumentClassWriter {
  private ArgumentClassWriter() {}

  /** The argument class of {@code signature}, nested in generated code as {@code type}. */
  static TypeSpec nested(ClassName type, KernelSignature signature) {
    return builder(type, signature, false).addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addParameter(RuntimeTypes.CL_KERNEL, "kernel")
            .addStatement("super(kernel)").build())
        .build();
  }

  /**
   * The runtime's {@code SharedKernelArguments}: the argument classes of the kernels every program shares, for the
   * generated models and for the runtime's own GEMM benchmark. It lives in the runtime's sources; a test keeps it
   * equal to this rendering ({@code -Dgolden.update=true} rewrites it).
   */
  public static JavaFile sharedKernelArguments() {
    ClassName outer = RuntimeTypes.SHARED_KERNEL_ARGUMENTS;
    TypeSpec.Builder shared = TypeSpec.classBuilder(outer)
        .addJavadoc("Argument setters of the kernels every generated program shares, for generated code and the GEMM\n"
            + "benchmark. Rendered from the processor's declarations ({@code netforge.processor.kernel.Signatures});\n"
            + "do not edit: change the declaration and run the processor's tests with {@code -Dgolden.update=true}.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (Kernel kernel : SharedKernels.ALL) {
      ClassName type = outer.nestedClass(kernel.signature().name());
      shared.addType(builder(type, kernel.signature(), true)
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addField(FieldSpec.builder(String.class, "KERNEL", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
              .addJavadoc("The kernel's name in every program.\n").initializer("$S", kernel.name()).build())
          .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
              .addParameter(RuntimeTypes.CL_KERNEL, "kernel").addStatement("super(kernel)").build())
          .build());
    }
    return JavaFile.builder(outer.packageName(), shared.build()).skipJavaLangImports(true).indent("  ").build();
  }

  private static TypeSpec.Builder builder(ClassName type, KernelSignature signature, boolean publicSetters) {
    TypeSpec.Builder cls = TypeSpec.classBuilder(type)
        .addJavadoc("Arguments of {@code ($L)}, by name.\n", signature.parameters().stream()
            .map(KernelParameter::name).collect(Collectors.joining(", ")))
        .superclass(RuntimeTypes.KERNEL_ARGUMENTS);
    Launcher launcher = signature.launcher();
    if (launcher.arguments != null) {
      cls.addSuperinterface(launcher.arguments);
    }
    List<KernelParameter> parameters = signature.parameters();
    for (int i = 0; i < parameters.size(); i++) {
      KernelParameter parameter = parameters.get(i);
      boolean overrides = launcher.sets.contains(parameter.name());
      MethodSpec.Builder setter = MethodSpec.methodBuilder(parameter.setter()).returns(type)
          .addParameter(parameter.type().java.type(), "value")
          .addStatement("kernel.set($L, value)", i)
          .addStatement("return this");
      if (overrides) {
        setter.addAnnotation(Override.class);
      }
      if (overrides || publicSetters) {
        setter.addModifiers(Modifier.PUBLIC);
      }
      cls.addMethod(setter.build());
    }
    return cls;
  }
}
