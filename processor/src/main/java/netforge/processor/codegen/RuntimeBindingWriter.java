package netforge.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;
import netforge.processor.model.InferredNetwork;

/**
 * The part of a generated model that depends on what is on the class path: with only the annotations, a model
 * is a description (constructor, shapes, summary); with {@code runtime-opencl}, it also runs on a device.
 */
public interface RuntimeBindingWriter {

  void addTo(TypeSpec.Builder cls, ClassName self, InferredNetwork network);

  /** No runtime on the class path: a public no-argument constructor that fills the layer fields. */
  static RuntimeBindingWriter shapesOnly() {
    return (cls, self, network) -> cls.addMethod(MethodSpec.constructorBuilder()
        .addJavadoc("A description of the network: shapes and parameter counts, no device.\n")
        .addModifiers(Modifier.PUBLIC)
        .addStatement("fillLayerFields()").build());
  }
}
