package netforge.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static javax.tools.StandardLocation.CLASS_OUTPUT;
import static netforge.processor.GeneratedClasses.constant;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Valid networks under Eclipse's compiler, with the runtime on the class path as in a user's build: ECJ compiles the
 * generated model and trainer in the same compilation, without a warning, and the model is the one javac generates.
 */
class EcjGenerationTest {
  private static final String MODEL = "netforge.examples.alexnet.AlexNetModel";

  @Test
  void alexNet_underEcj_generatesTheModelJavacGeneratesAndCompilesIt() {
    JavaFileObject source = JavaFileObjects.forResource("good/AlexNet.java");
    Compilation ecj = Compilers.ECJ.compile(source);
    assertThat(ecj).succeededWithoutWarnings();
    assertThat(ecj.generatedFile(CLASS_OUTPUT, MODEL.replace('.', '/') + ".class")).isPresent();
    assertThat(ecj.generatedFile(CLASS_OUTPUT, "netforge/examples/alexnet/AlexNetTrainer.class")).isPresent();
    assertThat(constant(new GeneratedClasses(ecj).load(MODEL), "PARAMETERS")).isEqualTo(58_299_082L);

    Compilation javac = Compilers.JAVAC.compile(source);
    assertThat(javac).succeededWithoutWarnings();
    assertThat(generatedSource(ecj, MODEL)).isEqualTo(generatedSource(javac, MODEL));
  }

  @Test
  void alexNetImageNet_underEcj_compiles() {
    Compilation ecj = Compilers.ECJ.compile(JavaFileObjects.forResource("good/AlexNetImageNet.java"));
    assertThat(ecj).succeededWithoutWarnings();
    assertThat(constant(new GeneratedClasses(ecj).load("netforge.examples.alexnet.AlexNetImageNetModel"),
        "PARAMETERS")).isEqualTo(62_378_344L);
  }

  @Test
  void nestedNetwork_underEcj_compiles() {
    JavaFileObject source = Sources.network("", "class Outer", Sources.MNIST, "abstract static class Net {",
        "  @Conv(out = 8, k = 3) @ReLU Layer conv1;", "  @MaxPool(k = 2) Layer pool1;", "  @Dense(out = 10) Layer fc;",
        "}");
    Compilation ecj = Compilers.ECJ.compile(source);
    assertThat(ecj).succeededWithoutWarnings();
    assertThat(ecj.generatedFile(CLASS_OUTPUT, "test/Outer_NetModel.class")).isPresent();
  }

  private static String generatedSource(Compilation compilation, String type) {
    try {
      return compilation.generatedSourceFile(type).orElseThrow().getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
