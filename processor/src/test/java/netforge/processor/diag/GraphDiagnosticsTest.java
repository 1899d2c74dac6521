package netforge.processor.diag;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static netforge.processor.Sources.assertContainsInOrder;
import static netforge.processor.Sources.lineOf;
import static netforge.processor.Sources.message;
import static netforge.processor.Sources.net;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import netforge.processor.Compilers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Mistakes in a network that is a graph: names in {@code @From}, {@code @Add} and {@code @Concat} that do not name a
 * layer above, joins of shapes that do not fit, and a branch nothing reads. Every test runs under javac and ECJ.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Compilers.class)
class GraphDiagnosticsTest {
  private static final String STEM = "@Conv(out = 8, k = 3, p = 1) @ReLU Layer stem;";
  private static final String FC = "@Dense(out = 10) Layer fc;";

  @Parameter
  Compilers compiler;

  @Test
  void residualBlock_compilesWithoutWarnings() {
    Compilation compilation = compiler.compile(net(STEM,
        "@Conv(out = 8, k = 3, p = 1) @ReLU Layer b1conv1;",
        "@Conv(out = 8, k = 3, p = 1) Layer b1conv2;",
        "@Add({\"b1conv2\", \"stem\"}) @ReLU Layer b1;",
        "@Conv(out = 16, k = 3, s = 2, p = 1) @ReLU Layer b2conv1;",
        "@Conv(out = 16, k = 3, p = 1) Layer b2conv2;",
        "@From(\"b1\") @Conv(out = 16, k = 1, s = 2, bias = false) Layer b2down;",
        "@Add({\"b2conv2\", \"b2down\"}) @ReLU Layer b2;",
        "@AdaptiveAvgPool(h = 1, w = 1) Layer pool;",
        FC));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void inceptionStyleConcat_compilesWithoutWarnings() {
    Compilation compilation = compiler.compile(net(STEM,
        "@Conv(out = 4, k = 1) @ReLU Layer branch1;",
        "@From(\"stem\") @Conv(out = 6, k = 3, p = 1) @ReLU Layer branch3;",
        "@From(\"stem\") @MaxPool(k = 3, s = 1, p = 1) Layer branchPool;",
        "@Concat({\"branch1\", \"branch3\", \"branchPool\"}) Layer mixed;",
        FC));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void unknownName_isAnErrorOnThatName_withTheClosestLayer() {
    JavaFileObject source = net(STEM,
        "@Conv(out = 8, k = 3, p = 1) Layer b1conv;",
        "@Add({\"b1conv\", \"stme\"}) @ReLU Layer b1;",
        FC);
    Compilation compilation = compiler.assertOneError(source,
        "[nn.UnknownLayer] b1: @Add names \"stme\", but Net has no layer field of that name",
        "@Add(^{\"b1conv\", \"stme\"})");
    assertContainsInOrder(message(compilation, "[nn.UnknownLayer]"), "fix: did you mean \"stem\"?");
  }

  @Test
  void unknownName_farFromEveryLayer_listsTheLayersAbove() {
    JavaFileObject source = net(STEM,
        "@Conv(out = 8, k = 3, p = 1) Layer conv;",
        "@From(\"shortcut\") @Conv(out = 8, k = 1) Layer proj;",
        "@Add({\"conv\", \"proj\"}) Layer sum;",
        FC);
    Compilation compilation = compiler.assertOneError(source,
        "[nn.UnknownLayer] proj: @From names \"shortcut\", but Net has no layer field of that name",
        "@From(^\"shortcut\")");
    assertContainsInOrder(message(compilation, "[nn.UnknownLayer]"),
        "fix: name one of the layer fields above this one: stem, conv");
  }

  @Test
  void laterLayer_isACycle_reportedOnItsName() {
    JavaFileObject source = net(STEM,
        "@From(\"tail\") @Conv(out = 8, k = 3, p = 1) Layer head;",
        "@Conv(out = 8, k = 3, p = 1) Layer tail;",
        FC);
    Compilation compilation = compiler.assertOneError(source,
        "[nn.LaterLayer] head: @From names \"tail\", declared below this field, so its output does not exist yet"
            + " here",
        "@From(^\"tail\")");
    assertContainsInOrder(message(compilation, "[nn.LaterLayer]"),
        "fix: a layer reads only layers declared above it, so the network has no cycle: move tail above head");
  }

  @Test
  void selfReference_isAnError() {
    JavaFileObject source = net(STEM, "@Add({\"stem\", \"loop\"}) Layer loop;", FC);
    Compilation compilation = compiler.assertOneError(source,
        "[nn.LaterLayer] loop: @Add names this field itself, but a layer cannot read its own output",
        "@Add(^{\"stem\", \"loop\"})");
    assertContainsInOrder(message(compilation, "[nn.LaterLayer]"),
        "fix: name the layer whose output this field reads, declared above it");
  }

  @Test
  void joinOfOneLayer_isAnError() {
    JavaFileObject source = net(STEM, "@Add(\"stem\") @ReLU Layer sum;", FC);
    Compilation compilation = compiler.assertOneError(source, "[nn.JoinArity] sum: @Add needs at least two layers, but names 1",
        "@Add(^\"stem\")");
    assertContainsInOrder(message(compilation, "[nn.JoinArity]"),
        "fix: name every layer to add, e.g. @Add({\"stem\", \"other\"}); to read a single layer, use @From");
  }

  @Test
  void addOfDifferentShapes_showsBothBranches_andTheProjection() {
    JavaFileObject source = net(STEM,
        "@Conv(out = 16, k = 3, s = 2, p = 1) @ReLU Layer b2conv1;",
        "@Conv(out = 16, k = 3, p = 1) Layer b2conv2;",
        "@Add({\"b2conv2\", \"stem\"}) @ReLU Layer b2;",
        FC);
    Compilation compilation = compiler.assertOneError(source,
        "[nn.AddShapeMismatch] b2: @Add of \"b2conv2\" [16, 14, 14] and \"stem\" [8, 28, 28], whose shapes differ",
        "@Add(^{\"b2conv2\", \"stem\"})");
    assertContainsInOrder(message(compilation, "[nn.AddShapeMismatch]"),
        "\"b2conv2\" branch:",
        "b2conv1  @Conv(out = 16, k = 3, s = 2, p = 1) @ReLU  -> [16, 14, 14]  (line "
            + lineOf(source, "Layer b2conv1;") + ")",
        "\"stem\" branch:",
        "stem   @Conv(out = 8, k = 3, p = 1) @ReLU",
        "fix: project \"stem\" to [16, 14, 14] with a 1x1 convolution of stride 2, as ResNet's downsample does:"
            + " @From(\"stem\") @Conv(out = 16, k = 1, s = 2, bias = false) Layer stemProjection; then add that layer");
  }

  @Test
  void concatOfDifferentSizes_isAnErrorOnTheSmallerBranch() {
    JavaFileObject source = net(STEM,
        "@Conv(out = 4, k = 1) Layer branch1;",
        "@From(\"stem\") @Conv(out = 4, k = 3, s = 2, p = 1) Layer branch3;",
        "@Concat({\"branch1\", \"branch3\"}) Layer mixed;",
        FC);
    Compilation compilation = compiler.assertOneError(source,
        "[nn.ConcatShapeMismatch] mixed: @Concat of \"branch1\" [4, 28, 28] and \"branch3\" [4, 14, 14], whose"
            + " heights and widths differ",
        "@Concat(^{\"branch1\", \"branch3\"})");
    assertContainsInOrder(message(compilation, "[nn.ConcatShapeMismatch]"),
        "fix: make every branch end at 28x28: change the stride or padding on the \"branch3\" branch, or pool the"
            + " larger ones");
  }

  @Test
  void branchNothingReads_isAWarning() {
    JavaFileObject source = net(STEM,
        "@Conv(out = 8, k = 3, p = 1) Layer main;",
        "@From(\"stem\") @Conv(out = 8, k = 1) Layer forgotten;",
        "@From(\"main\") @Dense(out = 10) Layer fc;");
    Compilation compilation = compiler.compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation).hadWarningContaining("[nn.UnusedLayer] forgotten: nothing reads this layer's output, and"
        + " only the last layer's leaves the network").inFile(source).onLineContaining("Layer forgotten;");
  }

  @Test
  void sourceAfterTheLayer_isAnError() {
    JavaFileObject source = net(STEM, "@Conv(out = 8, k = 1) @From(\"stem\") Layer conv;", FC);
    Compilation compilation = compiler.assertOneError(source,
        "[nn.SourceNotFirst] conv: @From names this field's input, so it comes first, before @Conv",
        "@Conv(out = 8, k = 1) ^@From");
    assertContainsInOrder(message(compilation, "[nn.SourceNotFirst]"),
        "fix: write @From first; the field's input comes before what the field does to it");
  }

  @Test
  void twoSources_isAnError() {
    JavaFileObject source = net(STEM, "@Conv(out = 8, k = 1) Layer conv;",
        "@From(\"stem\") @Add({\"stem\", \"conv\"}) Layer sum;", FC);
    Compilation compilation = compiler.assertOneError(source,
        "[nn.TwoSources] sum: one field names its input twice, with @From and @Add", "@From(\"stem\") ^@Add");
    assertContainsInOrder(message(compilation, "[nn.TwoSources]"),
        "fix: keep one; to combine several layers, name them all in one @Add or @Concat");
  }
}
