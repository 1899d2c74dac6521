package netforge.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeSpec;
import netforge.processor.model.InferredNetwork;

/**
 * The part of a generated model that depends on what is on the class path: with only the annotations, a model
 * is a description (constructor, shapes, summary, {@link ShapesOnlyBinding}); with {@code runtime-opencl}, it
 * also runs on a device ({@link RuntimeBinding}).
 */
public interface RuntimeBindingWriter {

  /** Adds what the layer list needs (types, fields) and returns the initializer of {@code LAYERS}. */
  CodeBlock layers(TypeSpec.Builder cls, ClassName self, InferredNetwork network);

  /** Adds constructors and the rest of the members. */
  void addMembers(TypeSpec.Builder cls, ClassName self, InferredNetwork network);
}
