package netforge.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.StringJoiner;
import javax.lang.model.element.Modifier;
import java.util.List;
import java.util.stream.Collectors;
import netforge.processor.kernel.KernelPlan;
import netforge.processor.kernel.ParameterTensor;
import netforge.processor.kernel.StateTensor;
import netforge.processor.model.InferredLayer;
import netforge.processor.model.InferredNetwork;
import netforge.processor.model.InferredOp;
import netforge.processor.model.LayerGraph;
import netforge.processor.model.Op;
import netforge.processor.parse.GeneratedNames;
import netforge.processor.runtime.RuntimeTypes;

/**
 * With {@code runtime-opencl} on the class path, the model implements {@code netforge.runtime.Model}: a
 * {@code SPEC} describing it at run time, {@code create(device, seed)}, and the generated launch sequence of
 * its kernels.
 */
public final class RuntimeBinding implements RuntimeBindingWriter {
  static final ClassName MODEL = RuntimeTypes.MODEL;
  static final ClassName DEVICE = RuntimeTypes.DEVICE;
  static final ClassName ENGINE = RuntimeTypes.ENGINE;
  static final ClassName TUNABLES = RuntimeTypes.TUNABLES;
  static final ClassName NETWORK_SPEC = RuntimeTypes.NETWORK_SPEC;
  static final ClassName LAYER_SPEC = RuntimeTypes.LAYER_SPEC;
  static final ClassName OP_SPEC = RuntimeTypes.OP_SPEC;

  private final KernelPlan plan;

  public RuntimeBinding(KernelPlan plan) {
    this.plan = plan;
  }

  @Override
  public CodeBlock layers(TypeSpec.Builder cls, ClassName self, InferredNetwork network) {
    cls.addSuperinterface(MODEL);
    cls.addField(FieldSpec.builder(NETWORK_SPEC, "SPEC", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The network as the processor inferred it, for the runtime and tools.\n")
        .initializer(spec(network, plan.parameters(), plan.state())).build());
    return CodeBlock.of("$T.copyOf(SPEC.layers())", ModelWriter.LIST);
  }

  private static CodeBlock spec(InferredNetwork network, List<ParameterTensor> tensors, List<StateTensor> state) {
    var model = network.model();
    CodeBlock.Builder spec = CodeBlock.builder()
        .add("new $T($S, new int[] {$L, $L, $L}, $L, $T.of(\n", NETWORK_SPEC, model.name(), model.channels(),
            model.height(), model.width(), model.classes(), ModelWriter.LIST)
        .indent();
    for (InferredLayer layer : network.layers()) {
      StringJoiner ops = new StringJoiner(", ");
      for (InferredOp step : layer.ops()) {
        if (!(step.op() instanceof Op.From)) { // the source is in the layer's inputs
          ops.add(opSpec(step.op()).toString());
        }
      }
      // a layer of a chain, its tensors named after it, in the short form networks have always had
      List<String> sources = LayerGraph.namedSources(layer.layer());
      boolean plain = sources.isEmpty() && layer.layer().tensors().equals(layer.name());
      CodeBlock inputs = plain ? CodeBlock.of("")
          : CodeBlock.of("$T.of($L), $S, ", ModelWriter.LIST, sources.stream().map(n -> CodeBlock.of("$S", n))
              .collect(CodeBlock.joining(", ")), layer.layer().tensors());
      spec.add("new $T($S, $S, $L$T.of($L), new int[] {$L}, new int[] {$L}, $LL, $LL)$L\n", LAYER_SPEC, layer.name(),
          layer.layer().description(), inputs, ModelWriter.LIST, ops, ModelWriter.shapeList(layer.in()),
          ModelWriter.shapeList(layer.out()), layer.parameters(), layer.flops(),
          layer.index() + 1 < network.layers().size() ? "," : "");
    }
    spec.unindent().add("), $T.of(\n", ModelWriter.LIST).indent();
    for (int i = 0; i < tensors.size(); i++) {
      ParameterTensor t = tensors.get(i);
      // PyTorch's fan-in initialisation is the runtime's default, so most tensors need not say how they start
      CodeBlock init = t.init() == ParameterTensor.Init.FAN_IN_UNIFORM ? CodeBlock.of("")
          : CodeBlock.of(", $T.Init.$L", RuntimeTypes.PARAM_SPEC, t.init());
      spec.add("new $T($S, new int[] {$L}, $LL, $L$L)$L\n", RuntimeTypes.PARAM_SPEC, t.name(), dimensions(t.shape()),
          t.offset(), t.fanIn(), init, i + 1 < tensors.size() ? "," : "");
    }
    if (state.isEmpty()) {
      return spec.unindent().add("))").build();
    }
    // state only where there is some, so that networks without it read as they always did
    spec.unindent().add("), $T.of(\n", ModelWriter.LIST).indent();
    for (int i = 0; i < state.size(); i++) {
      StateTensor t = state.get(i);
      spec.add("new $T($S, new int[] {$L}, $LL, $T.Kind.$L)$L\n", RuntimeTypes.STATE_SPEC, t.name(),
          dimensions(t.shape()), t.offset(), RuntimeTypes.STATE_SPEC, t.kind(), i + 1 < state.size() ? "," : "");
    }
    return spec.unindent().add("))").build();
  }

  private static String dimensions(List<Integer> shape) {
    return shape.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  private static CodeBlock opSpec(Op op) {
    // one padding where both axes share it, and groups only where there are several, so that networks without
    // ph, pw or groups read as they always did
    if (op instanceof Op.Conv c && c.groups() != 1) {
      return CodeBlock.of("new $T.Conv($L, $L, $L, $L, $L, $L, $L, $L)", OP_SPEC, c.out(), c.kernelHeight(),
          c.kernelWidth(), c.stride(), c.padHeight(), c.padWidth(), c.bias(), c.groups());
    } else if (op instanceof Op.Conv c && c.padHeight() == c.padWidth()) {
      return CodeBlock.of("new $T.Conv($L, $L, $L, $L, $L, $L)", OP_SPEC, c.out(), c.kernelHeight(), c.kernelWidth(),
          c.stride(), c.padHeight(), c.bias());
    } else if (op instanceof Op.Conv c) {
      return CodeBlock.of("new $T.Conv($L, $L, $L, $L, $L, $L, $L)", OP_SPEC, c.out(), c.kernelHeight(),
          c.kernelWidth(), c.stride(), c.padHeight(), c.padWidth(), c.bias());
    } else if (op instanceof Op.Pool p && p.padHeight() == p.padWidth()) {
      return CodeBlock.of("new $T.Pool($L, $L, $L, $L)", OP_SPEC, p.kind() == Op.PoolKind.MAX, p.k(),
          p.effectiveStride(), p.padHeight());
    } else if (op instanceof Op.Pool p) {
      return CodeBlock.of("new $T.Pool($L, $L, $L, $L, $L)", OP_SPEC, p.kind() == Op.PoolKind.MAX, p.k(),
          p.effectiveStride(), p.padHeight(), p.padWidth());
    } else if (op instanceof Op.AdaptiveAvgPool a) {
      return CodeBlock.of("new $T.AdaptiveAvgPool($L, $L)", OP_SPEC, a.h(), a.w());
    } else if (op instanceof Op.Dense d) {
      return CodeBlock.of("new $T.Dense($L, $L)", OP_SPEC, d.out(), d.bias());
    } else if (op instanceof Op.Flatten) {
      return CodeBlock.of("new $T.Flatten()", OP_SPEC);
    } else if (op instanceof Op.Relu) {
      return CodeBlock.of("new $T.Relu()", OP_SPEC);
    } else if (op instanceof Op.LeakyRelu l) {
      return CodeBlock.of("new $T.LeakyRelu($L)", OP_SPEC, l.slope());
    } else if (op instanceof Op.Tanh) {
      return CodeBlock.of("new $T.Tanh()", OP_SPEC);
    } else if (op instanceof Op.Sigmoid) {
      return CodeBlock.of("new $T.Sigmoid()", OP_SPEC);
    } else if (op instanceof Op.Gelu) {
      return CodeBlock.of("new $T.Gelu()", OP_SPEC);
    } else if (op instanceof Op.Silu) {
      return CodeBlock.of("new $T.Silu()", OP_SPEC);
    } else if (op instanceof Op.Dropout d) {
      return CodeBlock.of("new $T.Dropout($L)", OP_SPEC, d.p());
    } else if (op instanceof Op.BatchNorm b) {
      return CodeBlock.of("new $T.BatchNorm($S, $L, $L)", OP_SPEC, b.name(), b.eps(), b.momentum());
    } else if (op instanceof Op.Lrn l) {
      return CodeBlock.of("new $T.Lrn($L, $L, $L, $L)", OP_SPEC, l.size(), l.alpha(), l.beta(), l.k());
    } else if (op instanceof Op.Add) {
      return CodeBlock.of("new $T.Add()", OP_SPEC);
    } else if (op instanceof Op.Concat) {
      return CodeBlock.of("new $T.Concat()", OP_SPEC);
    }
    throw new IllegalArgumentException("no run-time description for " + op);
  }

  @Override
  public void addMembers(TypeSpec.Builder cls, ClassName self, InferredNetwork network) {
    cls.addField(FieldSpec.builder(ENGINE, "engine", Modifier.PRIVATE, Modifier.FINAL).build());
    cls.addMethod(MethodSpec.constructorBuilder()
        .addJavadoc("A description of the network without a device: shapes, parameter counts, the summary.\n"
            + "Use {@link #create} to run it.\n")
        .addModifiers(Modifier.PUBLIC)
        .addStatement("$N()", GeneratedNames.FILL_LAYER_FIELDS)
        .addStatement("this.engine = null").build());
    cls.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
        .addParameter(ENGINE, "engine")
        .addStatement("$N()", GeneratedNames.FILL_LAYER_FIELDS)
        .addStatement("this.engine = engine").build());
    cls.addMethod(MethodSpec.methodBuilder(GeneratedNames.CREATE)
        .addJavadoc("The network on {@code device}, its parameters initialised as PyTorch initialises them,\n"
            + "reproducibly from {@code seed} (which also keys dropout).\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self)
        .addParameter(DEVICE, "device").addParameter(TypeName.LONG, "seed")
        .addStatement("return new $T(new $T(device, SPEC, new Launches(), $T.class, seed))", self, ENGINE, self)
        .build());
    cls.addMethod(MethodSpec.methodBuilder(GeneratedNames.CREATE)
        .addJavadoc("As {@link #create(Device, long)}, with the kernels' tunable parameters chosen by the caller.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self)
        .addParameter(DEVICE, "device").addParameter(TypeName.LONG, "seed").addParameter(TUNABLES, "tunables")
        .addStatement("return new $T(new $T(device, SPEC, new Launches(), $T.class, seed, tunables))", self, ENGINE,
            self)
        .build());
    // After SPEC (a static initialiser reads it); create is overloaded, and the factory's shape picks (device, seed).
    cls.addField(FieldSpec.builder(ParameterizedTypeName.get(RuntimeTypes.MODEL_TYPE, self), GeneratedNames.TYPE_FIELD,
            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("This network for tools that take it by name, e.g. the command line's {@code --network $L}.\n",
            self.packageName().isEmpty() ? network.name() : self.packageName() + "." + network.name())
        .initializer("new $T<>($T.class, SPEC, SUMMARY, $T::$N)", RuntimeTypes.MODEL_TYPE, self, self,
            GeneratedNames.CREATE)
        .build());
    cls.addMethod(MethodSpec.methodBuilder(GeneratedNames.SPEC).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(NETWORK_SPEC).addStatement("return SPEC").build());
    cls.addMethod(MethodSpec.methodBuilder(GeneratedNames.ENGINE).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(ENGINE)
        .beginControlFlow("if (engine == null)")
        .addStatement("throw new $T($S)", IllegalStateException.class, "this " + self.simpleName()
            + " only describes the network; create one on a device with " + self.simpleName()
            + ".create(device, seed) to run it")
        .endControlFlow()
        .addStatement("return engine").build());
    cls.addMethod(MethodSpec.methodBuilder(GeneratedNames.CLOSE).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .beginControlFlow("if (engine != null)")
        .addStatement("engine.close()")
        .endControlFlow().build());
    cls.addType(LaunchSequenceWriter.write(plan, self.nestedClass("Launches")));
  }
}
