package netforge.processor.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import netforge.processor.parse.GeneratedNames;
import netforge.processor.runtime.RuntimeTypes;

/**
 * Writes {@code <Network>Trainer}: the entry point that trains a network in a few lines,
 * {@code AlexNetCifarTrainer.on(device).optimizer(NAG).epochs(20).fit(train, test)}. The training step itself is
 * the model's generated launch sequence (forward, loss, backward, optimizer update); the runtime's {@code Trainer}
 * drives it epoch by epoch.
 */
public final class TrainerWriter {
  static final ClassName TRAINER = RuntimeTypes.TRAINER;
  static final ClassName BUILDER = TRAINER.nestedClass("Builder");

  private TrainerWriter() {}

  public static JavaFile write(TypeElement type) {
    String packageName = GeneratedNames.packageName(type);
    ClassName model = ClassName.get(packageName, GeneratedNames.modelSimpleName(type));
    ClassName self = ClassName.get(packageName, GeneratedNames.trainerSimpleName(type));
    TypeSpec trainer = TypeSpec.classBuilder(self)
        .addOriginatingElement(type)
        .addAnnotation(AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
            .addMember("value", "$S", "netforge.processor.NetworkProcessor")
            .addMember("comments", "$S", "from " + type.getQualifiedName()).build())
        .addJavadoc("Trains {@link $T}:\n<pre>{@code\n$T.on(device).optimizer(OptimizerKind.NAG).epochs(20)"
            + ".fit(train, test);\n}</pre>\n", model, self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("on")
            .addJavadoc("A run on a new model on {@code device}, initialised from seed 0 (see {@link #on(Device, long)}).\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(BUILDER)
            .addParameter(RuntimeBinding.DEVICE, "device")
            .addStatement("return on(device, 0L)").build())
        .addMethod(MethodSpec.methodBuilder("on")
            .addJavadoc("A run on a new model on {@code device}, initialised from {@code seed}; the builder's\n"
                + "{@code model()} returns it, for evaluation and saving after training.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(BUILDER)
            .addParameter(RuntimeBinding.DEVICE, "device").addParameter(TypeName.LONG, "seed")
            .addStatement("return $T.builder($T.create(device, seed))", TRAINER, model).build())
        .addMethod(MethodSpec.methodBuilder("on")
            .addJavadoc("A run that continues training {@code model}.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(BUILDER)
            .addParameter(model, "model")
            .addStatement("return $T.builder(model)", TRAINER).build())
        .build();
    return JavaFile.builder(packageName, trainer).skipJavaLangImports(true).indent("  ").build();
  }
}
