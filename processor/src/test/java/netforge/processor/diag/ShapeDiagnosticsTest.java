package netforge.processor.diag;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static netforge.processor.Sources.assertContainsInOrder;
import static netforge.processor.Sources.lineOf;
import static netforge.processor.Sources.message;
import static netforge.processor.Sources.net;
import static netforge.processor.Sources.network;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import netforge.processor.Compilers;
import netforge.processor.Sources.Caret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Mistakes that only the inferred shapes reveal: a layer's input, the network's output, sizes past the limit. Every
 * test runs under javac and ECJ.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Compilers.class)
class ShapeDiagnosticsTest {
  private static final String FC = "@Dense(out = 10) Layer fc;";
  private static final String TRACE = "input shape flows from:";
  private static final String LIMIT = "more than NetForge's limit of 2,147,483,647 per tensor";
  private static final String TOO_LARGE_FIX = "fix: use fewer output channels or features, or downsample the input"
      + " earlier";

  @Parameter
  Compilers compiler;

  private static JavaFileObject netWithInput(int channels, int height, int width, String... members) {
    return network("@Network(input = @Input(channels = " + channels + ", height = " + height + ", width = " + width
        + "), classes = 10)", "abstract class Net", members);
  }

  @Test
  void denseIn_mismatch_reportsOnInValue() {
    JavaFileObject source = JavaFileObjects.forResource("bad/AlexNetDenseInMismatch.java");
    Compilation compilation = compiler.assertOneError(source,
        "[nn.ShapeMismatch] fc6: @Dense(in = 4096) does not match its input of 9216 features",
        "@Dense(in = ^4096, out = 4096)");
    assertThat(compilation).hadErrorContaining("[nn.ShapeMismatch] fc6").inFile(source)
        .onLineContaining("@Dense(in = 4096");
    assertContainsInOrder(message(compilation, "[nn.ShapeMismatch]"),
        TRACE,
        "conv5 @Conv(out = 256, k = 3, p = 1) @ReLU -> [256, 13, 13] (line " + lineOf(source, "Layer conv5;") + ")",
        "pool5 @MaxPool(k = 3, s = 2) -> [256, 6, 6] (line " + lineOf(source, "Layer pool5;") + ")",
        "(flatten) -> [9216]",
        "fix: write @Dense(in = 9216, ...) or omit 'in' to infer it");
  }

  @Test
  void denseIn_matching_compiles() {
    Compilation compilation =
        compiler.compile(net("@Conv(out = 4, k = 3) Layer conv1;", "@Dense(in = 2704, out = 10) Layer fc;"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void convK_largerThanInput_reportsNonPositiveOutputOnK() {
    JavaFileObject source = netWithInput(1, 11, 11, "@Conv(out = 8, k = 13) Layer conv1;", FC);
    Compilation compilation = compiler.assertOneError(source,
        "[nn.NonPositiveOutput] conv1: @Conv(k = 13) on an 11x11 input gives -1x-1", "@Conv(out = 8, k = ^13)");
    assertContainsInOrder(message(compilation, "[nn.NonPositiveOutput]"),
        TRACE,
        "input @Input(channels = 1, height = 11, width = 11) -> [1, 11, 11]",
        "rule: out = floor((in + 2p - k) / s) + 1 = floor((11 + 0 - 13) / 1) + 1 = -1",
        "fix: use a window of at most 11 (k <= 11), pad the input, or remove a downsampling layer before this one");
  }

  @Test
  void convK_largerThanShrunkInput_tracesTheLayersBefore() {
    JavaFileObject source = net("@Conv(out = 8, k = 3) Layer conv1;", "@MaxPool(k = 2) Layer pool1;",
        "@Conv(out = 8, k = 14, p = 0) Layer conv2;", FC);
    Compilation compilation = compiler.assertOneError(source,
        "[nn.NonPositiveOutput] conv2: @Conv(k = 14) on a 13x13 input gives 0x0", "@Conv(out = 8, k = ^14, p = 0)");
    assertContainsInOrder(message(compilation, "[nn.NonPositiveOutput]"),
        TRACE,
        "conv1 @Conv(out = 8, k = 3) -> [8, 26, 26] (line " + lineOf(source, "Layer conv1;") + ")",
        "pool1 @MaxPool(k = 2) -> [8, 13, 13] (line " + lineOf(source, "Layer pool1;") + ")",
        "rule: out = floor((in + 2p - k) / s) + 1 = floor((13 + 0 - 14) / 1) + 1 = 0",
        "fix: use a window of at most 13 (k <= 13)");
  }

  @Test
  void convKh_tallerThanInput_reportsNonPositiveOutputOnKh() {
    compiler.assertOneError(net("@Conv(out = 8, kh = 30, kw = 3) Layer conv1;", FC),
        "[nn.NonPositiveOutput] conv1: @Conv(kh = 30) on a 28x28 input gives -1x26", "kh = ^30, kw = 3)");
  }

  @Test
  void poolK_largerThanPaddedInput_reportsNonPositiveOutputWithPadding() {
    compiler.assertOneError(netWithInput(1, 4, 4, "@AvgPool(k = 7, p = 1) Layer pool1;", FC),
        "[nn.NonPositiveOutput] pool1: @AvgPool(k = 7, p = 1) on a 4x4 input gives 0x0", "@AvgPool(k = ^7, p = 1)");
  }

  @Test
  void poolK_largerThanInputPaddedOnlyAcross_reportsTheWidthWithItsOwnPadding() {
    Compilation compilation = compiler.assertOneError(netWithInput(1, 4, 4, "@AvgPool(k = 7, ph = 2, pw = 1) Layer pool1;", FC),
        "[nn.NonPositiveOutput] pool1: @AvgPool(k = 7, ph = 2, pw = 1) on a 4x4 input gives 1x0",
        "@AvgPool(k = ^7, ph = 2");
    assertThat(compilation).hadErrorContaining("rule: out = floor((in + 2p - k) / s) + 1 = floor((4 + 2 - 7) / 7) + 1"
        + " = 0");
    assertThat(compilation).hadErrorContaining("fix: use a window of at most 6 (k <= 6)");
  }

  @Test
  void convGroups_notDividingTheInputChannels_reportsGroupsIndivisibleOnGroups() {
    JavaFileObject source = netWithInput(3, 16, 16, "@Conv(out = 6, k = 3, groups = 2) Layer conv1;", FC);
    Compilation compilation = compiler.assertOneError(source,
        "[nn.GroupsIndivisible] conv1: @Conv(groups = 2) must divide both the input channels, 3, and out = 6",
        "k = 3, groups = ^2)");
    assertContainsInOrder(message(compilation, "[nn.GroupsIndivisible]"),
        TRACE,
        "input @Input(channels = 3, height = 16, width = 16) -> [3, 16, 16]",
        "rule: groups splits the input channels and out into equal parts, each part of the output seeing only its"
            + " own part of the input",
        "fix: use groups = 1 or 3, which divide both 3 and 6; groups = 3 is a depthwise convolution");
  }

  @Test
  void convGroups_notDividingOut_reportsOnGroups_withTheCountsThatDivideBoth() {
    JavaFileObject source = net("@Conv(out = 8, k = 3) @ReLU Layer conv1;",
        "@Conv(out = 12, k = 3, groups = 8) Layer conv2;", FC);
    Compilation compilation = compiler.assertOneError(source,
        "[nn.GroupsIndivisible] conv2: @Conv(groups = 8) must divide both the input channels, 8, and out = 12",
        "k = 3, groups = ^8)");
    assertContainsInOrder(message(compilation, "[nn.GroupsIndivisible]"),
        TRACE,
        "conv1 @Conv(out = 8, k = 3) @ReLU -> [8, 26, 26] (line " + lineOf(source, "Layer conv1;") + ")",
        "fix: use groups = 1, 2 or 4, which divide both 8 and 12");
  }

  @Test
  void convGroups_largerThanTheInputChannels_reportsOnGroups() {
    compiler.assertOneError(net("@Conv(out = 4, k = 3, groups = 4) Layer conv1;", FC),
        "[nn.GroupsIndivisible] conv1: @Conv(groups = 4) must divide both the input channels, 1, and out = 4",
        "k = 3, groups = ^4)");
  }

  @Test
  void convGroups_depthwiseAndGroupedWithOutUnlikeIn_compile() {
    assertThat(compiler.compile(net("@Conv(out = 8, k = 3) @ReLU Layer conv1;",
        "@Conv(out = 16, k = 3, p = 1, groups = 8) @ReLU Layer depthwise;",
        "@Conv(out = 12, k = 1, groups = 4) Layer grouped;", FC))).succeededWithoutWarnings();
  }

  @Test
  void conv_afterDense_reportsNeedsSpatialInput() {
    JavaFileObject source = net("@Dense(out = 100) Layer fc1;", "@Conv(out = 8, k = 3) Layer conv1;", FC);
    Compilation compilation = compiler.assertOneError(source,
        "[nn.NeedsSpatialInput] conv1: @Conv needs a [channels, height, width] input, but gets the vector [100]",
        "^@Conv(out = 8, k = 3) Layer conv1;");
    assertContainsInOrder(message(compilation, "[nn.NeedsSpatialInput]"),
        TRACE, "fc1 @Dense(out = 100) -> [100]", "fix: move this layer before the first @Dense or @Flatten");
  }

  @Test
  void lastDenseOut_notClasses_reportsClassesMismatchOnOut() {
    JavaFileObject source = net("@Dense(out = 100) Layer fc1;", "@Dense(out = 12) Layer fc;");
    Compilation compilation = compiler.assertOneError(source,
        "[nn.ClassesMismatch] fc: the network ends with [12], but @Network(classes = 10) needs [10]",
        "@Dense(out = ^12) Layer fc;");
    assertThat(compilation).hadErrorContaining("fix: write @Dense(out = 10) here, or @Network(classes = 12)");
  }

  @Test
  void lastDenseOut_notClassesBeforeAReluField_reportsOnThatDense() {
    // A trailing field that only applies ReLU keeps fc's size, so fc's out is still the value to change.
    JavaFileObject source = net("@Dense(out = 12) Layer fc;", "@ReLU Layer act;");
    Compilation compilation = compiler.assertOneError(source,
        "[nn.ClassesMismatch] fc: the network ends with [12], but @Network(classes = 10) needs [10]",
        "@Dense(out = ^12) Layer fc;");
    assertThat(compilation).hadErrorContaining("fix: write @Dense(out = 10) here, or @Network(classes = 12)");
  }

  @Test
  void network_endingInConv_reportsClassesMismatchOnClasses() {
    JavaFileObject source = net("@Conv(out = 10, k = 28) Layer conv1;");
    Compilation compilation = compiler.assertOneError(source,
        "[nn.ClassesMismatch] conv1: the network ends with [10, 1, 1], but @Network(classes = 10) needs [10]",
        "classes = ^10)");
    // Its [10, 1, 1] output already holds one value per class: flattening, not another layer, is the fix.
    assertThat(compilation).hadErrorContaining("fix: end the network with '@Flatten Layer scores;'");
  }

  @Test
  void network_endingInTheWrongNumberOfChannels_suggestsADenseClassifier() {
    JavaFileObject source = net("@Conv(out = 8, k = 28) Layer conv1;");
    Compilation compilation = compiler.compile(source);
    assertThat(compilation).hadErrorContaining("fix: end the network with @Dense(out = 10) Layer classifier;");
  }

  @Test
  void denseWeights_pastTheLimit_reportsTooLargeOnOut() {
    Compilation compilation = compiler.assertOneError(
        net("@Conv(out = 8, k = 3) Layer conv1;", "@Dense(out = 1000000) Layer fc1;", FC),
        "[nn.TooLarge] fc1: its weight tensor would have 5,408,000,000 elements, " + LIMIT,
        "@Dense(out = ^1000000) Layer fc1;");
    assertThat(compilation).hadErrorContaining(TOO_LARGE_FIX);
  }

  @Test
  void convOutput_pastTheLimit_reportsTooLargeOnOut() {
    compiler.assertOneError(net("@Conv(out = 3000000, k = 1) Layer conv1;", FC),
        "[nn.TooLarge] conv1: one image's output would have 2,352,000,000 elements, " + LIMIT,
        "@Conv(out = ^3000000, k = 1)");
  }

  @Test
  void poolOutput_growingPastTheLimit_reportsTooLarge() {
    // k = 2, s = 1, p = 1 adds a row and a column: 46340^2 fits in an int index, 46341^2 does not.
    compiler.assertOneError(netWithInput(1, 46340, 46340, "@MaxPool(k = 2, s = 1, p = 1) Layer pool1;", FC),
        "[nn.TooLarge] pool1: one image's output would have 2,147,488,281 elements, " + LIMIT,
        "^@MaxPool(k = 2, s = 1, p = 1)");
  }

  @Test
  void input_pastTheLimit_reportsTooLargeOnInput() {
    // Also no exception from the dense layer's trace, which flattens the input.
    Compilation compilation = compiler.assertOneError(netWithInput(1, 100000, 100000, "@Dense(in = 5, out = 10) Layer fc;"),
        "[nn.TooLarge] Net: one input image [1, 100000, 100000] would have 10,000,000,000 elements, " + LIMIT,
        "input = ^@Input(");
    assertThat(compilation).hadErrorContaining("fix: downscale or crop the images before they reach the network");
  }

  @Test
  void input_pastTheLimitBeforeALayerThatKeepsIt_reportsTooLarge() {
    // Before the input was checked, a flatten of it silently became an unknown shape and generated a model.
    Compilation compilation = compiler.compile(netWithInput(3, 30000, 30000, "@Flatten Layer flat;", FC));
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[nn.TooLarge] Net: one input image [3, 30000, 30000]");
  }

  @Test
  void convStride_notTilingTheInput_warnsWindowDropsInputOnS() {
    JavaFileObject source = netWithInput(1, 224, 224, "@Conv(out = 96, k = 11, s = 4) @ReLU Layer conv1;", FC);
    Compilation compilation = compiler.compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadErrorCount(0);
    assertThat(compilation).hadWarningCount(1);
    Caret at = compiler.caret(source, "k = 11, s = ^4)");
    assertThat(compilation).hadWarningContaining("[nn.WindowDropsInput] conv1: @Conv(k = 11, s = 4) on a 224x224"
        + " input never reads its last 1 row and 1 column (PyTorch floors the output size too)")
        .inFile(source).onLine(at.line()).atColumn(at.column());
    assertThat(compilation).hadWarningContaining("fix: to read every pixel, let the last window end on the last row"
        + " and column: an input of 223x223 or 227x227 here");
    assertThat(compilation).generatedSourceFile("test.NetModel");
  }

  @Test
  void convStride_paddedOnlyVertically_warnsOfTheColumnOnly() {
    JavaFileObject source = net("@Conv(out = 8, k = 3, s = 2, ph = 1) Layer conv1;", FC);
    Compilation compilation = compiler.compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    Caret at = compiler.caret(source, "s = ^2, ph = 1)");
    assertThat(compilation).hadWarningContaining("[nn.WindowDropsInput] conv1: @Conv(k = 3, s = 2) on a 28x28 input"
        + " never reads its last 1 column (PyTorch floors the output size too)")
        .inFile(source).onLine(at.line()).atColumn(at.column());
  }

  @Test
  void poolDefaultStride_notTilingTheInput_warnsOnK() {
    JavaFileObject source = net("@MaxPool(k = 3) Layer pool1;", FC);
    Compilation compilation = compiler.compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    Caret at = compiler.caret(source, "@MaxPool(k = ^3)");
    assertThat(compilation).hadWarningContaining("[nn.WindowDropsInput] pool1: @MaxPool(k = 3) on a 28x28 input"
        + " never reads its last 1 row and 1 column").inFile(source).onLine(at.line()).atColumn(at.column());
  }

  @Test
  void globalPoolStraightIntoTheClasses_suggestsFlatten() {
    JavaFileObject source = net("@Conv(out = 10, k = 3) Layer conv;", "@AdaptiveAvgPool(h = 1, w = 1) Layer pool;");
    Compilation compilation = compiler.compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[nn.ClassesMismatch] pool: the network ends with [10, 1, 1]");
    assertThat(compilation).hadErrorContaining("fix: end the network with '@Flatten Layer scores;': its [10, 1, 1]"
        + " output already holds 10 scores");
  }

  @Test
  void convStrideTwoWithPadding_readingEveryInputRow_doesNotWarn() {
    // floor((28 + 2 - 3) / 2) + 1 = 14 windows end on row 27: only a row of trailing padding is skipped.
    JavaFileObject source = net("@Conv(out = 4, k = 3, s = 2, p = 1) @ReLU Layer conv1;", FC);
    assertThat(compiler.compile(source)).succeededWithoutWarnings();
  }

  @Test
  void poolStrideLargerThanItsWindow_warnsOfTheRowsBetweenWindows() {
    JavaFileObject source = netWithInput(1, 29, 29, "@MaxPool(k = 2, s = 3) Layer pool1;", FC);
    Compilation compilation = compiler.compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation).hadWarningContaining("[nn.WindowDropsInput] pool1: @MaxPool(k = 2, s = 3) on a 29x29"
        + " input never reads 9 rows and 9 columns (each window skips the 1 after it)").inFile(source)
        .onLineContaining("s = 3");
    assertThat(compilation).hadWarningContaining("fix: use a stride no larger than the window (s <= 2)");
  }
}
