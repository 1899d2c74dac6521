package netforge.processor.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;
import netforge.processor.model.InferredLayer;
import netforge.processor.model.InferredNetwork;
import netforge.processor.parse.GeneratedNames;

/** No runtime on the class path: layers are described by a nested record, and the model has a plain constructor. */
public final class ShapesOnlyBinding implements RuntimeBindingWriter {

  @Override
  public CodeBlock layers(TypeSpec.Builder cls, ClassName self, InferredNetwork network) {
    ClassName layerInfo = self.nestedClass("LayerInfo");
    cls.addType(TypeSpec.recordBuilder(layerInfo)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addSuperinterface(ModelWriter.LAYER)
        .recordConstructor(MethodSpec.constructorBuilder()
            .addParameter(String.class, "name")
            .addParameter(String.class, "description")
            .addParameter(ArrayTypeName.of(TypeName.INT), "shape")
            .addParameter(TypeName.LONG, "parameterCount")
            .addParameter(TypeName.LONG, "flops").build())
        .addMethod(MethodSpec.methodBuilder("outputShape").addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC).returns(ArrayTypeName.of(TypeName.INT))
            .addStatement("return shape.clone()").build())
        .build());
    CodeBlock.Builder list = CodeBlock.builder().add("$T.of(\n", ModelWriter.LIST).indent();
    for (InferredLayer layer : network.layers()) {
      list.add("new $T($S, $S, new int[] {$L}, $LL, $LL)$L\n", layerInfo, layer.name(), layer.layer().description(),
          ModelWriter.shapeList(layer.out()), layer.parameters(), layer.flops(),
          layer.index() + 1 < network.layers().size() ? "," : "");
    }
    return list.unindent().add(")").build();
  }

  @Override
  public void addMembers(TypeSpec.Builder cls, ClassName self, InferredNetwork network) {
    cls.addMethod(MethodSpec.constructorBuilder()
        .addJavadoc("A description of the network: shapes and parameter counts. Add netforge:runtime-opencl to the\n"
            + "class path to run it.\n")
        .addModifiers(Modifier.PUBLIC)
        .addStatement("$N()", GeneratedNames.FILL_LAYER_FIELDS).build());
  }
}
