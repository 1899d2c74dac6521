package netforge.processor.diag;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static netforge.processor.Sources.assertContainsInOrder;
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
 * Blocks declared once and used with their own widths and strides: a mistake that depends on the use is reported on
 * the {@code @Use}, on the value the block took from it. Every test runs under javac and ECJ.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Compilers.class)
class BlockDiagnosticsTest {
  private static final String STEM = "@Conv(out = 8, k = 3, p = 1) @ReLU Layer stem;";
  private static final String FC = "@Dense(out = 10) Layer fc;";
  private static final String[] BASIC_BLOCK = {
      "@Block static abstract class BasicBlock {",
      "  @Conv(out = Block.OUT, k = 3, s = Block.STRIDE, p = 1) @ReLU Layer conv1;",
      "  @Conv(out = Block.OUT, k = 3, p = 1) Layer conv2;",
      "  @Add({\"conv2\", Block.INPUT}) @ReLU Layer out;",
      "}"};
  private static final String[] DOWN_BLOCK = {
      "@Block static abstract class DownBlock {",
      "  @Conv(out = Block.OUT, k = 3, s = Block.STRIDE, p = 1) @ReLU Layer conv1;",
      "  @Conv(out = Block.OUT, k = 3, p = 1) Layer conv2;",
      "  @From(Block.INPUT) @Conv(out = Block.OUT, k = 1, s = Block.STRIDE, bias = false) Layer downsample;",
      "  @Add({\"conv2\", \"downsample\"}) @ReLU Layer out;",
      "}"};

  @Parameter
  Compilers compiler;

  private static JavaFileObject netWithBlocks(String... members) {
    String[] all = new String[members.length + BASIC_BLOCK.length + DOWN_BLOCK.length];
    System.arraycopy(members, 0, all, 0, members.length);
    System.arraycopy(BASIC_BLOCK, 0, all, members.length, BASIC_BLOCK.length);
    System.arraycopy(DOWN_BLOCK, 0, all, members.length + BASIC_BLOCK.length, DOWN_BLOCK.length);
    return net(all);
  }

  /** The caret on a class literal: javac marks its ".class", ECJ the attribute's name. */
  private String classValue(String useStart, String className, String rest) {
    return compiler == Compilers.JAVAC ? useStart + className + "^.class" + rest : useStart + "^" + className + ".class" + rest;
  }

  @Test
  void blocksUsedWithTheirOwnWidthsAndStrides_compileWithoutWarnings() {
    Compilation compilation = compiler.compile(netWithBlocks(STEM,
        "@Use(value = BasicBlock.class, out = 8) Layer layer1;",
        "@Use(value = DownBlock.class, out = 16, s = 2) Layer layer2;",
        "@Use(value = BasicBlock.class, out = 16, name = \"layer2.1\") Layer layer2b;",
        "@Add({\"layer2\", \"layer2b\"}) Layer both;",
        FC));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void strideOnABlockWithoutProjection_isReportedOnTheUse() {
    JavaFileObject source = netWithBlocks(STEM, "@Use(value = BasicBlock.class, out = 16, s = 2) Layer layer2;", FC);
    Compilation compilation = compiler.assertOneError(source,
        "[nn.AddShapeMismatch] layer2.out: @Add of \"layer2.conv2\" [16, 14, 14] and \"stem\" [8, 28, 28], whose"
            + " shapes differ",
        "^@Use(value = BasicBlock.class, out = 16, s = 2)");
    assertContainsInOrder(message(compilation, "[nn.AddShapeMismatch]"),
        "\"layer2.conv2\" branch:",
        "layer2.conv1  @Conv(out = 16, k = 3, s = 2, p = 1) @ReLU  -> [16, 14, 14]",
        "fix: project \"stem\" to [16, 14, 14] with a 1x1 convolution of stride 2");
  }

  @Test
  void aBlockConstantOutOfRange_isReportedOnTheUsesValue() {
    JavaFileObject source = netWithBlocks(STEM, "@Use(value = DownBlock.class, out = 16, s = 0) Layer layer2;", FC);
    compiler.assertOneError(source, "[nn.NonPositiveParameter] layer2.conv1: @Conv(s = 0) must be at least 1",
        "@Use(value = DownBlock.class, out = 16, s = ^0)");
  }

  @Test
  void aClassWithoutBlock_isAnError() {
    JavaFileObject source = net(STEM, "@Use(value = Plain.class, out = 8) Layer layer1;", FC,
        "static abstract class Plain {}");
    Compilation compilation = compiler.assertOneError(source, "[nn.NotABlock] layer1: @Use names Plain, which is not annotated"
        + " @Block", classValue("@Use(value = ", "Plain", ", out = 8)"));
    assertContainsInOrder(message(compilation, "[nn.NotABlock]"), "fix: annotate Plain with @Block");
  }

  @Test
  void aBlockWithoutLayers_isAnError() {
    JavaFileObject source = net(STEM, "@Use(value = Nothing.class, out = 8) Layer layer1;", FC,
        "@Block static abstract class Nothing {}");
    compiler.assertOneError(source, "[nn.EmptyBlock] layer1: the block Nothing has no layer fields",
        classValue("@Use(value = ", "Nothing", ", out = 8)"));
  }

  @Test
  void aBlockUsingABlock_isAnError() {
    JavaFileObject source = netWithBlocks(STEM, "@Use(value = Outer.class, out = 8) Layer layer1;", FC,
        "@Block static abstract class Outer {", "  @Use(value = BasicBlock.class, out = 8) Layer inner;", "}");
    compiler.assertOneError(source, "[nn.NestedBlock] layer1: the block Outer uses another block in inner, but blocks do not"
        + " nest", classValue("@Use(value = ", "Outer", ", out = 8)"));
  }

  @Test
  void aConvolutionsTensorName_thatIsNoName_isAnErrorOnIt() {
    JavaFileObject source = net(STEM, "@Conv(out = 8, k = 1, name = \"down sample\") Layer proj;", FC);
    Compilation compilation = compiler.assertOneError(source,
        "[nn.TensorName] proj: @Conv(name = \"down sample\") is not a tensor name",
        "@Conv(out = 8, k = 1, name = ^\"down sample\")");
    assertContainsInOrder(message(compilation, "[nn.TensorName]"), "fix: use parts of letters, digits and _");
  }

  @Test
  void twoLayersGivingTheirTensorsOneName_isAnErrorOnTheLater() {
    JavaFileObject source = net(STEM, "@Conv(out = 8, k = 1, name = \"stem\") Layer proj;", FC);
    compiler.assertOneError(source, "[nn.TensorName] proj: @Conv(name = \"stem\") names its tensors as the layer stem names"
        + " its own (stem.weight, ...)", "@Conv(out = 8, k = 1, name = ^\"stem\")");
  }

  @Test
  void useWithAnotherAnnotation_isAnError() {
    JavaFileObject source = netWithBlocks(STEM, "@Use(value = BasicBlock.class, out = 8) @ReLU Layer layer1;", FC);
    compiler.assertOneError(source, "[nn.UseAlone] layer1: @Use places a block, so it is the only annotation on its field, but"
        + " @ReLU is here too", "@Use(value = BasicBlock.class, out = 8) ^@ReLU");
  }
}
