package netforge.processor.diag;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static netforge.processor.Sources.MNIST;
import static netforge.processor.Sources.net;
import static netforge.processor.Sources.network;

import com.google.testing.compile.Compilation;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import javax.tools.JavaFileObject;
import netforge.processor.Compilers;
import netforge.processor.Sources;
import netforge.annotations.Layer;
import netforge.processor.GeneratedClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The generated model extends the user's class: what the user declares must never break the generated code. Names
 * that can coexist do (hidden fields, qualified types); names that cannot are one {@code nn.*} error on the
 * user's element. One test per kind of clash, each on a source with exactly that name in it.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Compilers.class)
class GeneratedCodeDiagnosticsTest {
  @Parameter
  Compilers compiler;

  private static final String FC = "@Dense(out = 10) Layer fc;";

  @Test
  void layerFields_namedLikeGeneratedMembersAndImportedTypes_compileAndAreFilled() throws Exception {
    // engine and SPEC are generated fields; List, Math, Pass and SharedKernelArguments are types the generated
    // code uses in expressions; layer2 and LAYER2 want the same constant prefix; String and Launches are nested types of ours too.
    JavaFileObject source = net(
        "@Conv(out = 4, k = 3) @ReLU Layer engine;",
        "@Conv(out = 4, k = 3) Layer SPEC;",
        "@Conv(out = 4, k = 3) Layer layer2;",
        "@Conv(out = 4, k = 3) Layer LAYER2;",
        "@MaxPool(k = 2) Layer List;",
        "@Conv(out = 4, k = 3) Layer Math;",
        "@Dense(out = 16) @ReLU Layer Pass;",
        "@Dense(out = 16) Layer SharedKernelArguments;",
        "@Dense(out = 10) Layer CLASSES;",
        "static class String {}",
        "static class Launches {}");
    Compilation compilation = compiler.compile(source);
    assertThat(compilation).succeededWithoutWarnings();

    Class<?> model = new GeneratedClasses(compilation).load("test.NetModel");
    Object description = model.getConstructor().newInstance();
    for (String name : new String[] {"engine", "SPEC", "layer2", "LAYER2", "List", "Math", "Pass",
        "SharedKernelArguments", "CLASSES"}) {
      Field field = model.getSuperclass().getDeclaredField(name);
      field.setAccessible(true);
      Layer layer = (Layer) field.get(description);
      assertThat(layer.name()).isEqualTo(name);
    }
    assertThat(GeneratedClasses.constant(model, "CLASSES")).isEqualTo(10);
    Set<String> constants = new HashSet<>();
    Arrays.stream(model.getDeclaredFields()).forEach(f -> assertThat(constants.add(f.getName())).isTrue());
    assertThat(constants).containsAtLeast("LAYER2_CHANNELS", "LAYER4_CHANNELS", "LAYER9_FEATURES");
  }

  @Test
  void staticSummaryMethod_reportsMemberClashOnTheMethod() {
    JavaFileObject source = net(FC, "static String summary() { return \"mine\"; }");
    Compilation compilation = compiler.compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(
        "[nn.MemberClash] Net: Net declares summary(), which the generated NetModel also declares")
        .inFile(source).onLineContaining("static String summary()");
    assertThat(compilation).hadErrorContaining("fix: rename summary(); NetModel.summary() is part of every"
        + " generated model");
  }

  @Test
  void inheritedForwardMethod_reportsMemberClashOnTheNetwork() {
    JavaFileObject helper = Sources.onDisk("test.Predictor", List.of("package test;",
        "interface Predictor { default float[] forward(float[] images, int batch) { return images; } }"));
    JavaFileObject source = network(MNIST, "abstract class Net implements Predictor", FC);
    Compilation compilation = compiler.compile(helper, source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[nn.MemberClash] Net: Net inherits forward(float[], int) from"
        + " test.Predictor, which the generated NetModel also declares").inFile(source).onLineContaining("@Network(");
  }

  @Test
  void fieldNamedJava_reportsHidesPackage() {
    JavaFileObject source = net("@Conv(out = 4, k = 3) Layer java;", FC);
    Compilation compilation = compiler.compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[nn.HidesPackage] java: this field hides the package java, through"
        + " which the generated NetModel names its types").inFile(source).onLineContaining("Layer java;");
    assertThat(compilation).hadErrorContaining("fix: rename the field");
  }

  @Test
  void classAlreadyNamedLikeTheModel_reportsGeneratedNameTaken() {
    JavaFileObject source = Sources.onDisk("test.Net", List.of("package test;", "",
        "import netforge.annotations.*;", "", MNIST, "abstract class Net {", "  " + FC, "}", "class NetModel {}"));
    Compilation compilation = compiler.compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[nn.GeneratedNameTaken] Net: NetForge generates test.NetModel for"
        + " this network, but a type test.NetModel already exists").inFile(source).onLineContaining("@Network(");
    assertThat(compilation).hadErrorContaining("fix: rename Net or the class test.NetModel");
  }

  @Test
  void classAlreadyNamedLikeTheTrainer_reportsGeneratedNameTaken() {
    JavaFileObject source = Sources.onDisk("test.Net", List.of("package test;", "",
        "import netforge.annotations.*;", "", MNIST, "abstract class Net {", "  " + FC, "}", "class NetTrainer {}"));
    Compilation compilation = compiler.compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[nn.GeneratedNameTaken] Net: NetForge generates test.NetTrainer")
        .inFile(source).onLineContaining("@Network(");
  }

  @Test
  void layerTypeShadowedByUserClass_namesBothTypesInFull() {
    JavaFileObject layer = Sources.onDisk("test.Layer", List.of("package test;", "class Layer {}"));
    JavaFileObject source = Sources.onDisk("test.Net", List.of("package test;", "",
        "import netforge.annotations.Conv;", "import netforge.annotations.Dense;",
        "import netforge.annotations.Input;", "import netforge.annotations.Network;", "",
        MNIST, "abstract class Net {", "  @Dense(out = 10) Layer fc;", "}"));
    Compilation compilation = compiler.compile(layer, source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[nn.NotALayerField] fc: @Dense is on a field of type test.Layer, but"
        + " layer fields have type netforge.annotations.Layer").inFile(source).onLineContaining("@Dense(out = 10)");
    assertThat(compilation).hadErrorContaining("fix: use netforge.annotations.Layer: import it, or rename your own"
        + " class test.Layer");
  }
}
