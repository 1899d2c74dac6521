package netforge.processor.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.ElementFilter;
import netforge.processor.model.InferredLayer;
import netforge.processor.model.InferredNetwork;
import netforge.processor.model.Shape;
import netforge.processor.parse.GeneratedNames;

/**
 * Writes {@code <Network>Model}: a final subclass of the user's class with the inferred shapes as constants, the
 * summary table, and every {@code Layer} field filled with its description. A {@link RuntimeBindingWriter} adds
 * the rest: a plain description, or what runs the network when the runtime is on the class path.
 */
public final class ModelWriter {
  static final ClassName LAYER = ClassName.get(netforge.annotations.Layer.class);
  static final ClassName LIST = ClassName.get("java.util", "List");

  private ModelWriter() {}

  public static JavaFile write(InferredNetwork network, TypeElement type, RuntimeBindingWriter binding) {
    String simpleName = GeneratedNames.modelSimpleName(type);
    ClassName self = ClassName.get(GeneratedNames.packageName(type), simpleName);
    var model = network.model();

    TypeSpec.Builder cls = TypeSpec.classBuilder(simpleName)
        .addOriginatingElement(type)
        .addAnnotation(AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
            .addMember("value", "$S", "netforge.processor.NetworkProcessor")
            .addMember("comments", "$S", "from " + type.getQualifiedName()).build())
        .addJavadoc("The network declared by {@link $T}, with every shape checked and inferred at compile time.\n\n"
            + "<pre>{@code\n$L}</pre>\n", ClassName.get(type), SummaryTable.render(network).replace("*/", "* /"))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(ClassName.get(type))
        // Inside the subclass the user's nested types, and fields of the same simple name as a type the code
        // calls a static method on (a layer called List), would win over our imports: qualify those names.
        .avoidClashesWithNestedClasses(type)
        .alwaysQualify(inheritedFieldNames(type));

    cls.addField(constant(TypeName.INT, "INPUT_CHANNELS", model.channels(), "Channels of one input image."));
    cls.addField(constant(TypeName.INT, "INPUT_HEIGHT", model.height(), "Height of one input image."));
    cls.addField(constant(TypeName.INT, "INPUT_WIDTH", model.width(), "Width of one input image."));
    cls.addField(constant(TypeName.INT, "CLASSES", model.classes(), "Number of classes: the width of the logits."));
    cls.addField(constant(TypeName.LONG, "PARAMETERS", network.parameters(), "Trainable parameters."));
    cls.addField(constant(TypeName.LONG, "FORWARD_FLOPS", network.flops(),
        "Forward FLOPs per image: 2 x multiply-accumulates of convolutions and dense layers."));

    List<String> prefixes = ConstantNames.of(network.layers());
    for (InferredLayer layer : network.layers()) {
      String prefix = prefixes.get(layer.index());
      Shape out = layer.out();
      String about = "{@code " + layer.name() + "}: {@code " + layer.layer().description() + "} -&gt; " + out;
      if (out.isSpatial()) {
        cls.addField(constant(TypeName.INT, prefix + "_CHANNELS", out.channels(), "Output channels of " + about));
        cls.addField(constant(TypeName.INT, prefix + "_HEIGHT", out.height(), "Output height of " + about));
        cls.addField(constant(TypeName.INT, prefix + "_WIDTH", out.width(), "Output width of " + about));
      } else {
        cls.addField(constant(TypeName.INT, prefix + "_FEATURES", out.channels(), "Output features of " + about));
      }
      cls.addField(constant(TypeName.LONG, prefix + "_PARAMETERS", layer.parameters(), "Parameters of " + about));
    }
    CodeBlock layerList = binding.layers(cls, self, network);

    cls.addField(FieldSpec.builder(String.class, "SUMMARY", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$S", SummaryTable.render(network)).build());
    cls.addField(FieldSpec.builder(ParameterizedTypeName.get(LIST, LAYER), "LAYERS", Modifier.PRIVATE,
        Modifier.STATIC, Modifier.FINAL).initializer(layerList).build());

    cls.addMethod(MethodSpec.methodBuilder(GeneratedNames.SUMMARY)
        .addJavadoc("The per-layer table: output shape, parameters, cumulative parameters, forward MFLOPs.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(String.class)
        .addStatement("return SUMMARY").build());
    cls.addMethod(MethodSpec.methodBuilder(GeneratedNames.LAYERS)
        .addJavadoc("Every layer field, in source order, as inferred at compile time.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(ParameterizedTypeName.get(LIST, LAYER))
        .addStatement("return LAYERS").build());

    // Through super: a generated member of the same name (a layer called engine or SPEC) hides the field here.
    MethodSpec.Builder fill = MethodSpec.methodBuilder(GeneratedNames.FILL_LAYER_FIELDS)
        .addModifiers(Modifier.PRIVATE);
    for (InferredLayer layer : network.layers()) {
      if (layer.layer().field() != null) { // a block's inner layers have no field; its use holds its output
        fill.addStatement("super.$N = LAYERS.get($L)", layer.layer().field(), layer.index());
      }
    }
    cls.addMethod(fill.build());

    binding.addMembers(cls, self, network);
    return JavaFile.builder(self.packageName(), cls.build()).skipJavaLangImports(true).indent("  ").build();
  }

  /** Names of every field the user's class declares or inherits. */
  private static String[] inheritedFieldNames(TypeElement type) {
    Set<String> names = new TreeSet<>();
    for (TypeElement t = type; t != null; t = t.getSuperclass() instanceof DeclaredType d
        && d.asElement() instanceof TypeElement s ? s : null) {
      ElementFilter.fieldsIn(t.getEnclosedElements()).forEach(f -> names.add(f.getSimpleName().toString()));
    }
    return names.toArray(String[]::new);
  }

  private static FieldSpec constant(TypeName type, String name, long value, String doc) {
    return FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("$L\n", doc.replace("*/", "* /"))
        .initializer(type == TypeName.LONG ? "$LL" : "$L", value).build();
  }

  static String shapeList(Shape shape) {
    return shape.isSpatial() ? shape.channels() + ", " + shape.height() + ", " + shape.width()
        : String.valueOf(shape.channels());
  }

}
