package netforge.processor.diag;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static netforge.processor.Sources.MNIST;
import static netforge.processor.Sources.net;
import static netforge.processor.Sources.network;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import netforge.processor.Sources;
import netforge.processor.Compilers;
import netforge.processor.Sources.Caret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What is wrong with the {@code @Network} class itself: its kind, its layers, annotations outside a network.
 * Every test runs under javac and ECJ.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Compilers.class)
class ClassDiagnosticsTest {
  private static final String NOT_ABSTRACT =
      "[nn.NotAbstractClass] Net: @Network must be on an abstract class, but Net ";

  @Parameter
  Compilers compiler;
  private static final String FC = "@Dense(out = 10) Layer fc;";

  /** Asserts exactly one error, {@code message}, on the {@code @Network} line, and its fix. */
  private void assertClassError(JavaFileObject source, String message, String fix) {
    assertClassError(source, message, fix, "@Network(");
  }

  /** Asserts exactly one error, {@code message}, on the line containing {@code line}, and its fix. */
  private void assertClassError(JavaFileObject source, String message, String fix, String line) {
    Compilation compilation = compiler.compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
    assertThat(compilation).hadErrorContaining(fix);
  }

  @Test
  void network_concreteClass_reportsNotAbstractOnTheAnnotation() {
    JavaFileObject source = network(MNIST, "class Net", FC);
    Compilation compilation = compiler.compile(source);
    assertClassError(source, NOT_ABSTRACT + "is not abstract", "fix: add 'abstract': the generated NetModel extends it");
    Caret at = compiler.caret(source, "^@Network(");
    assertThat(compilation).hadErrorContaining(NOT_ABSTRACT).inFile(source).onLine(at.line()).atColumn(at.column());
  }

  @Test
  void network_interface_reportsOnlyNotAbstract() {
    // An interface's fields are implicitly static and final; that is not reported again per field.
    assertClassError(network(MNIST, "interface Net", "@Dense(out = 10) Layer fc = null;"),
        "[nn.NetworkOnInterface] Net: @Network must be on an abstract class, but Net is an interface",
        "fix: declare it as 'abstract class Net { ... }'");
  }

  @Test
  void network_enum_reportsNotAbstract() {
    assertClassError(network(MNIST, "enum Net", "A;", FC),
        "[nn.NetworkOnEnum] Net: @Network must be on an abstract class, but Net is an enum",
        "fix: declare it as 'abstract class Net { ... }'");
  }

  @Test
  void network_record_reportsOnlyNotAbstract() {
    // ECJ's Messager places no message on a record, its components or implicit members (no file, no line), so
    // under ECJ the processor puts it on the record's first declared field, the only place ECJ can show it in the
    // file (see SourceMap.isEcj).
    assertClassError(network(MNIST, "record Net(int seed)", "@Dense(out = 10) static Layer fc = null;"),
        "[nn.NetworkOnRecord] Net: @Network must be on an abstract class, but Net is a record",
        "fix: declare it as 'abstract class Net { ... }'",
        compiler == Compilers.ECJ ? "static Layer fc = null;" : "@Network(");
  }

  @Test
  void network_annotationType_reportsNetworkOnAnnotationType() {
    assertClassError(Sources.onDisk("test.Net", List.of("package test;", "import netforge.annotations.*;",
            MNIST, "@interface Net {", "  int size();", "}")),
        "[nn.NetworkOnAnnotationType] Net: @Network must be on an abstract class, but Net is an annotation type",
        "fix: declare it as 'abstract class Net { ... }'");
  }

  @Test
  void network_innerClass_reportsNotAbstract() {
    JavaFileObject source = network("", "class Outer", MNIST, "abstract class Net {", "  " + FC, "}");
    Compilation compilation = compiler.compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(
        "[nn.InnerClass] Net: Net is an inner (non-static) class, so the generated Outer_NetModel cannot extend it")
        .inFile(source).onLineContaining("@Network(");
    assertThat(compilation).hadErrorContaining("fix: add 'static', or move it to its own file");
  }

  @Test
  void network_staticNestedClass_compiles() {
    JavaFileObject source = network("", "class Outer", MNIST, "abstract static class Net {", "  " + FC, "}");
    Compilation compilation = compiler.compile(source);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.Outer_NetModel");
  }

  @Test
  void network_privateNestedClass_reportsNotAbstract() {
    JavaFileObject source = network("", "class Outer", MNIST, "private abstract static class Net {", "  " + FC, "}");
    Compilation compilation = compiler.compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(
        "[nn.PrivateClass] Net: Net is private, so the generated Outer_NetModel cannot extend it")
        .inFile(source).onLineContaining("@Network(");
  }

  @Test
  void network_genericClass_reportsNotAbstract() {
    assertClassError(network(MNIST, "abstract class Net<T>", FC),
        "[nn.GenericClass] Net: Net is generic, but a network has no type parameters", "fix: remove the type parameters");
  }

  @Test
  void network_constructorWithParameters_reportsNotAbstract() {
    assertClassError(network(MNIST, "abstract class Net", "Net(int seed) {}", FC),
        "[nn.NoUsableConstructor] Net: Net has no non-private constructor without parameters", "fix: add 'Net() {}'");
  }

  @Test
  void network_privateConstructor_reportsNotAbstract() {
    assertClassError(network(MNIST, "abstract class Net", "private Net() {}", FC),
        "[nn.NoUsableConstructor] Net: Net has no non-private constructor without parameters", "fix: add 'Net() {}'");
  }

  @Test
  void network_abstractMethod_reportsAbstractMethodOnIt() {
    JavaFileObject source = network(MNIST, "abstract class Net", "abstract void train();", FC);
    Compilation compilation = compiler.compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(
        "[nn.AbstractMethod] Net: Net declares abstract method train(), which NetForge cannot implement")
        .inFile(source).onLineContaining("abstract void train();");
    assertThat(compilation).hadErrorContaining("fix: give train() a body, or remove it");
  }

  @Test
  void network_inheritedAbstractMethod_reportsAbstractMethodOnTheNetwork() {
    JavaFileObject source = network(MNIST, "abstract class Net implements Runnable", FC);
    assertClassError(source,
        "[nn.AbstractMethod] Net: Net inherits abstract method run() from java.lang.Runnable, which NetForge cannot"
            + " implement", "fix: implement run() in Net");
  }

  @Test
  void network_abstractMethodImplementedInTheClass_compiles() {
    JavaFileObject source = network(MNIST, "abstract class Net implements Runnable", FC,
        "@Override public void run() {}");
    assertThat(compiler.compile(source)).succeededWithoutWarnings();
  }

  @Test
  void network_sealedClass_reportsSealedClass() {
    JavaFileObject source = Sources.onDisk("test.Net", List.of("package test;", "",
        "import netforge.annotations.*;", "", MNIST, "sealed abstract class Net permits Other {", "  " + FC, "}",
        "final class Other extends Net {}"));
    assertClassError(source, "[nn.SealedClass] Net: @Network must be on a class the generated NetModel can extend,"
        + " but Net is sealed", "fix: remove 'sealed' and its 'permits' clause, or use 'non-sealed'");
  }

  @Test
  void network_finalClass_reportsFinalClass() {
    assertClassError(network(MNIST, "final class Net", FC),
        "[nn.FinalClass] Net: @Network must be on an abstract class, but Net is final",
        "fix: replace 'final' with 'abstract': the generated NetModel extends it");
  }

  @Test
  void network_concreteClassWithShapeError_reportsBoth() {
    // A structural error that keeps the model whole does not hide the shape errors.
    JavaFileObject source = network(MNIST, "class Net", "@Conv(out = 8, k = 29) Layer conv1;", FC);
    Compilation compilation = compiler.compile(source);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining(NOT_ABSTRACT + "is not abstract").inFile(source)
        .onLineContaining("@Network(");
    assertThat(compilation).hadErrorContaining("[nn.NonPositiveOutput] conv1").inFile(source)
        .onLineContaining("k = 29");
  }

  @Test
  void network_noFields_reportsNoLayers() {
    JavaFileObject source = net();
    Compilation compilation = compiler.compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[nn.NoLayers] Net: a @Network needs at least one Layer field (found 0)")
        .inFile(source).onLineContaining("@Network(");
    assertThat(compilation).hadErrorContaining("fix: declare one field per layer, e.g. @Dense(out = 10) Layer fc;");
  }

  @Test
  void network_onlyAStaticLayerConstant_reportsNoLayers() {
    JavaFileObject source = net("static final Layer NONE = null;");
    Compilation compilation = compiler.compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[nn.NoLayers] Net").inFile(source).onLineContaining("@Network(");
  }

  @Test
  void layerAnnotation_inClassWithoutNetwork_reportsOutsideNetwork() {
    JavaFileObject source = network("", "abstract class Net", "@Conv(out = 8, k = 3) Layer conv1;");
    Compilation compilation = compiler.compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[nn.OutsideNetwork] conv1: @Conv is on a field of Net, which is not annotated @Network")
        .inFile(source).onLineContaining("@Conv(out = 8, k = 3) Layer conv1;");
    assertThat(compilation).hadErrorContaining("fix: annotate Net with @Network(input = @Input(...), classes = ...)");
  }

  @Test
  void layerAnnotation_inHelperClassInsideNetwork_reportsOutsideNetwork() {
    JavaFileObject source = net(FC, "static class Helper {", "  @Dense(out = 3) Layer stray;", "}");
    Compilation compilation = compiler.compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[nn.OutsideNetwork] stray: @Dense is on a field of Helper")
        .inFile(source).onLineContaining("Layer stray;");
  }
}
