package netforge.processor.diag;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static netforge.processor.Sources.MNIST;
import static netforge.processor.Sources.net;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import netforge.processor.Compilers;
import netforge.processor.Sources;
import netforge.processor.GeneratedClasses;
import netforge.runtime.spec.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A {@code @Network} that extends another runs the inherited layers first, in declaration order; nothing a network
 * class declares is silently ignored: a field of another network's type is an error, any other non-layer instance
 * field a warning.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Compilers.class)
class InheritanceDiagnosticsTest {
  @Parameter
  Compilers compiler;

  private static final String BASE = "@Network(input = @Input(channels = 1, height = 28, width = 28), classes = 10)";

  private static JavaFileObject base(String... members) {
    return Sources.onDisk("test.Base", List.of(concat(new String[] {"package test;", "",
        "import netforge.annotations.*;", "", BASE, "abstract class Base {"}, members, new String[] {"}"})));
  }

  private static JavaFileObject child(String declaration, String... members) {
    return Sources.onDisk("test.Child", List.of(concat(new String[] {"package test;", "",
        "import netforge.annotations.*;", "", MNIST.replace("classes = 10", "classes = 3"), declaration + " {"},
        members, new String[] {"}"})));
  }

  private static String[] concat(String[] a, String[] b, String[] c) {
    String[] all = new String[a.length + b.length + c.length];
    System.arraycopy(a, 0, all, 0, a.length);
    for (int i = 0; i < b.length; i++) {
      all[a.length + i] = "  " + b[i];
    }
    System.arraycopy(c, 0, all, a.length + b.length, c.length);
    return all;
  }

  @Test
  void subclassNetwork_runsInheritedLayersFirst() throws Exception {
    JavaFileObject base = base("@Conv(out = 4, k = 3) @ReLU Layer conv1;", "@Dense(out = 10) Layer fc;");
    JavaFileObject child = child("abstract class Child extends Base", "@Dense(out = 3) Layer head;");
    Compilation compilation = compiler.compile(base, child);
    assertThat(compilation).succeededWithoutWarnings();
    Class<?> model = new GeneratedClasses(compilation).load("test.ChildModel");
    NetworkSpec spec = (NetworkSpec) GeneratedClasses.constant(model, "SPEC");
    assertThat(spec.layers().stream().map(l -> l.name()).toList()).containsExactly("conv1", "fc", "head").inOrder();
    // 4 x 1 x 3 x 3 + 4, then 10 x 2704 + 10, then 3 x 10 + 3
    assertThat(GeneratedClasses.constant(model, "PARAMETERS")).isEqualTo(40L + 27_050L + 33L);
    Object description = model.getConstructor().newInstance();
    var conv1 = Class.forName("test.Base", true, model.getClassLoader()).getDeclaredField("conv1");
    conv1.setAccessible(true);
    assertThat(((netforge.annotations.Layer) conv1.get(description)).name()).isEqualTo("conv1");
  }

  @Test
  void mistakeInAnInheritedLayer_isReportedOnce_notAgainByEverySubclass() {
    JavaFileObject base = base("@Conv(out = 4, k = 3) @ReLU Layer conv1;", "@MaxPool(k = 2, s = 3) Layer pool;",
        "@Dense(out = 10, in = 7) Layer fc;");
    JavaFileObject child = child("abstract class Child extends Base", "@Dense(out = 3) Layer head;");
    Compilation compilation = compiler.compile(base, child);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[nn.ShapeMismatch] fc: @Dense(in = 7)").inFile(base)
        .onLineContaining("in = 7");
    assertThat(compilation).hadWarningCount(1);
  }

  @Test
  void subclassLayer_withAnInheritedName_reportsHiddenLayer() {
    JavaFileObject base = base("@Dense(out = 10) Layer fc;");
    JavaFileObject child = child("abstract class Child extends Base", "@Dense(out = 3) Layer fc;");
    Compilation compilation = compiler.compile(base, child);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[nn.HiddenLayer] fc: this layer field hides the layer fc inherited"
        + " from test.Base").inFile(child).onLineContaining("@Dense(out = 3) Layer fc;");
    assertThat(compilation).hadErrorContaining("fix: rename this field");
  }

  @Test
  void inheritedPackagePrivateLayer_fromAnotherPackage_reportsInaccessibleField() {
    JavaFileObject base = Sources.onDisk("blocks.Base", List.of("package blocks;", "",
        "import netforge.annotations.*;", "", BASE, "public abstract class Base {",
        "  @Dense(out = 10) Layer fc;", "}"));
    JavaFileObject child = child("abstract class Child extends blocks.Base", "@Dense(out = 3) Layer head;");
    Compilation compilation = compiler.compile(base, child);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[nn.InaccessibleField] fc: the layer field is package-private in"
        + " another package, so the generated ChildModel cannot fill it").inFile(base)
        .onLineContaining("Layer fc;");
    assertThat(compilation).hadErrorContaining("fix: make it protected");
  }

  @Test
  void fieldOfNetworkType_reportsNetworkField() {
    JavaFileObject base = base("@Dense(out = 10) Layer fc;");
    JavaFileObject child = child("abstract class Child", "Base block;", "@Dense(out = 3) Layer head;");
    Compilation compilation = compiler.compile(base, child);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[nn.NetworkField] block: a field of network type Base does not add"
        + " that network's layers").inFile(child).onLineContaining("Base block;");
    assertThat(compilation).hadErrorContaining("fix: to reuse its layers, extend it ('abstract class Child extends"
        + " Base')");
  }

  @Test
  void instanceFieldOfAnotherType_warnsIgnoredField() {
    JavaFileObject source = net("String label;", "@Dense(out = 10) Layer fc;");
    Compilation compilation = compiler.compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation).hadWarningContaining("[nn.IgnoredField] label: this field of type java.lang.String is not"
        + " a layer, and NetForge ignores it").inFile(source).onLineContaining("String label;");
  }

  @Test
  void staticTransientOrSuppressedFields_stayQuiet() {
    JavaFileObject source = net("static final int WIDTH = 10;", "transient int steps;",
        "@SuppressWarnings(\"nn.IgnoredField\") int epochs;", "@Dense(out = 10) Layer fc;");
    Compilation compilation = compiler.compile(source);
    assertThat(compilation).succeeded();
    // (ECJ adds a warning of its own for the token it does not know: "Unsupported @SuppressWarnings".)
    assertThat(Sources.messages(compilation, javax.tools.Diagnostic.Kind.WARNING).stream()
        .filter(m -> m.contains("[nn.")).toList()).isEmpty();
  }
}
