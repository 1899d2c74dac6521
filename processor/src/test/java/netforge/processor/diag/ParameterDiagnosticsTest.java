package netforge.processor.diag;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static netforge.processor.Sources.net;
import static netforge.processor.Sources.network;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import netforge.processor.Compilers;
import netforge.processor.Sources;
import netforge.processor.Sources.Caret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A step's own numbers out of range, whatever its input: sizes, strides, padding, probabilities, LRN constants.
 * Every test runs under javac and ECJ.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Compilers.class)
class ParameterDiagnosticsTest {
  private static final String FC = "@Dense(out = 10) Layer fc;";
  private static final String AT_LEAST_1 = " must be at least 1";
  private static final String KERNEL_SIZE = "[nn.KernelSize] conv1: @Conv needs either k or both kh and kw, but ";
  private static final String LRN_FIX = "fix: the original AlexNet uses @LRN(size = 5, alpha = 1e-4, beta = 0.75,"
      + " k = 2)";

  @Parameter
  Compilers compiler;

  /**
   * A value inside {@code @Input}: javac's caret is on it ({@code javacMark}); ECJ places no message inside a
   * nested annotation, so the processor puts it on the {@code input} value, and ECJ's caret is on the name
   * {@code input} (see {@code SourceMap.isEcj}).
   */
  private Compilation assertOneInputError(JavaFileObject source, String expected, String javacMark) {
    Caret at = compiler == Compilers.ECJ
        ? Sources.caret(source, "^input = @Input(") : compiler.caret(source, javacMark);
    return compiler.assertOneError(source, expected, at);
  }

  private static JavaFileObject netWithInput(String channels, String height, String width, String classes) {
    return network("@Network(input = @Input(channels = " + channels + ", height = " + height + ", width = " + width
        + "), classes = " + classes + ")", "abstract class Net", FC);
  }

  @Test
  void convOut_zero_reportsNonPositiveParameterOnOut() {
    compiler.assertOneError(net("@Conv(out = 0, k = 3) Layer conv1;", FC),
        "[nn.NonPositiveParameter] conv1: @Conv(out = 0)" + AT_LEAST_1, "@Conv(out = ^0, k = 3)");
  }

  @Test
  void convK_negative_reportsNonPositiveParameterOnK() {
    compiler.assertOneError(net("@Conv(out = 8, k = -1) Layer conv1;", FC),
        "[nn.NonPositiveParameter] conv1: @Conv(k = -1)" + AT_LEAST_1, "@Conv(out = 8, k = ^-1)");
  }

  @Test
  void convS_zero_reportsNonPositiveParameterOnS() {
    compiler.assertOneError(net("@Conv(out = 8, k = 3, s = 0) Layer conv1;", FC),
        "[nn.NonPositiveParameter] conv1: @Conv(s = 0)" + AT_LEAST_1, "k = 3, s = ^0)");
  }

  @Test
  void poolK_zero_reportsNonPositiveParameterOnK() {
    compiler.assertOneError(net("@MaxPool(k = 0) Layer pool1;", FC),
        "[nn.NonPositiveParameter] pool1: @MaxPool(k = 0)" + AT_LEAST_1, "@MaxPool(k = ^0)");
  }

  @Test
  void poolS_negative_reportsNonPositiveParameterWithDefaultInFix() {
    Compilation compilation = compiler.assertOneError(net("@AvgPool(k = 2, s = -2) Layer pool1;", FC),
        "[nn.NonPositiveParameter] pool1: @AvgPool(s = -2)" + AT_LEAST_1, "@AvgPool(k = 2, s = ^-2)");
    assertThat(compilation).hadErrorContaining("fix: use s >= 1, or s = 0 (the default) for a stride equal to k");
  }

  @Test
  void denseOut_zero_reportsNonPositiveParameterOnOut() {
    compiler.assertOneError(net("@Dense(out = 0) Layer fc1;", FC),
        "[nn.NonPositiveParameter] fc1: @Dense(out = 0)" + AT_LEAST_1, "@Dense(out = ^0) Layer fc1;");
  }

  @Test
  void inputChannels_zero_reportsNonPositiveParameterOnChannels() {
    assertOneInputError(netWithInput("0", "28", "28", "10"),
        "[nn.NonPositiveParameter] Net: @Input(channels = 0)" + AT_LEAST_1, "@Input(channels = ^0,");
  }

  @Test
  void inputHeight_negative_reportsNonPositiveParameterOnHeight() {
    assertOneInputError(netWithInput("1", "-28", "28", "10"),
        "[nn.NonPositiveParameter] Net: @Input(height = -28)" + AT_LEAST_1, "height = ^-28,");
  }

  @Test
  void inputWidth_zero_reportsNonPositiveParameterOnWidth() {
    assertOneInputError(netWithInput("1", "28", "0", "10"),
        "[nn.NonPositiveParameter] Net: @Input(width = 0)" + AT_LEAST_1, "width = ^0)");
  }

  @Test
  void classes_zero_reportsNonPositiveParameterOnClasses() {
    compiler.assertOneError(netWithInput("1", "28", "28", "0"),
        "[nn.NonPositiveParameter] Net: @Network(classes = 0)" + AT_LEAST_1, "classes = ^0)");
  }

  @Test
  void convP_negative_reportsNegativePaddingOnP() {
    Compilation compilation = compiler.assertOneError(net("@Conv(out = 8, k = 3, p = -1) Layer conv1;", FC),
        "[nn.NegativePadding] conv1: @Conv(p = -1) must not be negative", "k = 3, p = ^-1)");
    assertThat(compilation).hadErrorContaining("fix: use p = 0 for no padding");
  }

  @Test
  void poolP_negative_reportsNegativePaddingOnP() {
    compiler.assertOneError(net("@MaxPool(k = 3, p = -1) Layer pool1;", FC),
        "[nn.NegativePadding] pool1: @MaxPool(p = -1) must not be negative", "@MaxPool(k = 3, p = ^-1)");
  }

  @Test
  void convP_equalToKernel_reportsPaddingTooLargeOnP() {
    Compilation compilation = compiler.assertOneError(net("@Conv(out = 8, k = 3, p = 3) Layer conv1;", FC),
        "[nn.PaddingTooLarge] conv1: @Conv(p = 3) must be less than the kernel size 3", "k = 3, p = ^3)");
    assertThat(compilation).hadErrorContaining("fix: use p <= 2; p = 1 keeps the size for an odd kernel at stride 1");
  }

  @Test
  void convP_notBelowSmallerSideOfRectangularKernel_reportsPaddingTooLargeNamingThatSide() {
    Compilation compilation = compiler.assertOneError(net("@Conv(out = 8, kh = 1, kw = 7, p = 1) Layer conv1;", FC),
        "[nn.PaddingTooLarge] conv1: @Conv(p = 1) must be less than the smaller kernel side, kh = 1",
        "kw = 7, p = ^1)");
    assertThat(compilation).hadErrorContaining("fix: use p <= 0; one p pads every side, so the smaller kernel side"
        + " limits it");
  }

  @Test
  void convP_oneBelowKernel_compiles() {
    assertThat(compiler.compile(net("@Conv(out = 8, k = 3, p = 2) Layer conv1;", FC))).succeededWithoutWarnings();
  }

  @Test
  void poolP_aboveHalfTheWindow_reportsPaddingTooLargeOnP() {
    Compilation compilation = compiler.assertOneError(net("@MaxPool(k = 3, s = 1, p = 2) Layer pool1;", FC),
        "[nn.PaddingTooLarge] pool1: @MaxPool(p = 2) must be at most half the window, k / 2 = 1",
        "s = 1, p = ^2)");
    assertThat(compilation).hadErrorContaining("fix: use p <= 1");
  }

  @Test
  void convPWithPh_reportsPaddingGivenTwiceOnPh_withBothAxesWrittenOut() {
    Compilation compilation = compiler.assertOneError(net("@Conv(out = 8, k = 3, p = 1, ph = 0) Layer conv1;", FC),
        "[nn.PaddingGivenTwice] conv1: @Conv(p = 1, ph = 0) gives the padding twice, but p pads both axes and ph,"
            + " pw one each", "p = 1, ph = ^0)");
    assertThat(compilation).hadErrorContaining("fix: write ph = 0, pw = 1 without p, or p alone for the same padding"
        + " on both axes");
  }

  @Test
  void poolPWithPhAndPw_reportsPaddingGivenTwiceOnPh() {
    Compilation compilation = compiler.assertOneError(net("@AvgPool(k = 3, p = 1, ph = 1, pw = 0) Layer pool1;", FC),
        "[nn.PaddingGivenTwice] pool1: @AvgPool(p = 1, ph = 1, pw = 0) gives the padding twice", "p = 1, ph = ^1");
    assertThat(compilation).hadErrorContaining("fix: write ph = 1, pw = 0 without p");
  }

  @Test
  void convPw_negative_reportsNegativePaddingOnPw() {
    Compilation compilation = compiler.assertOneError(net("@Conv(out = 8, k = 3, pw = -2) Layer conv1;", FC),
        "[nn.NegativePadding] conv1: @Conv(pw = -2) must not be negative", "k = 3, pw = ^-2)");
    assertThat(compilation).hadErrorContaining("fix: use pw = 0 for no padding on that axis, or leave it out to take"
        + " p's value");
  }

  @Test
  void convPh_notBelowKernelHeight_reportsPaddingTooLargeOnPh() {
    Compilation compilation = compiler.assertOneError(net("@Conv(out = 8, kh = 1, kw = 7, ph = 1, pw = 3) Layer conv1;", FC),
        "[nn.PaddingTooLarge] conv1: @Conv(ph = 1) must be less than the kernel height, kh = 1",
        "kw = 7, ph = ^1, pw = 3)");
    assertThat(compilation).hadErrorContaining("fix: use ph <= 0; ph = 0 keeps the size for an odd kernel at stride"
        + " 1");
  }

  @Test
  void convPerAxisPadding_belowEachKernelSide_compiles() {
    assertThat(compiler.compile(net("@Conv(out = 8, kh = 1, kw = 7, ph = 0, pw = 3) Layer conv1;", FC)))
        .succeededWithoutWarnings();
  }

  @Test
  void poolPw_aboveHalfTheWindow_reportsPaddingTooLargeOnPw() {
    Compilation compilation = compiler.assertOneError(net("@MaxPool(k = 3, s = 1, pw = 2) Layer pool1;", FC),
        "[nn.PaddingTooLarge] pool1: @MaxPool(pw = 2) must be at most half the window, k / 2 = 1",
        "s = 1, pw = ^2)");
    assertThat(compilation).hadErrorContaining("fix: use pw <= 1");
  }

  @Test
  void poolPh_halfTheWindow_compiles() {
    assertThat(compiler.compile(net("@MaxPool(k = 3, s = 1, ph = 1) Layer pool1;", FC))).succeededWithoutWarnings();
  }

  @Test
  void convGroups_zero_reportsNonPositiveParameterOnGroups() {
    Compilation compilation = compiler.assertOneError(net("@Conv(out = 8, k = 3, groups = 0) Layer conv1;", FC),
        "[nn.NonPositiveParameter] conv1: @Conv(groups = 0)" + AT_LEAST_1, "k = 3, groups = ^0)");
    assertThat(compilation).hadErrorContaining("fix: use groups >= 1; groups = 1 (the default) connects every input"
        + " channel to every output channel");
  }

  @Test
  void poolP_halfTheWindow_compiles() {
    assertThat(compiler.compile(net("@MaxPool(k = 3, s = 1, p = 1) Layer pool1;", FC))).succeededWithoutWarnings();
  }

  @Test
  void convKernel_kWithKh_reportsKernelSizeOnKh() {
    Compilation compilation = compiler.assertOneError(net("@Conv(out = 8, k = 3, kh = 3) Layer conv1;", FC),
        KERNEL_SIZE + "it gives both k and kh", "k = 3, kh = ^3)");
    assertThat(compilation).hadErrorContaining("fix: write k = 3 for a square kernel, or kh and kw without k");
  }

  @Test
  void convKernel_neither_reportsKernelSizeOnTheAnnotation() {
    // k, kh and kw are all defaulted: no value to point at, so the caret goes on the '@'.
    Compilation compilation = compiler.assertOneError(net("@Conv(out = 8) Layer conv1;", FC),
        KERNEL_SIZE + "it gives neither", "^@Conv(out = 8) Layer conv1;");
    assertThat(compilation).hadErrorContaining("fix: add k = 3 (or another size), or kh and kw for a rectangular"
        + " kernel");
  }

  @Test
  void convKernel_khWithoutKw_reportsKernelSizeOnKh() {
    Compilation compilation = compiler.assertOneError(net("@Conv(out = 8, kh = 3) Layer conv1;", FC),
        KERNEL_SIZE + "it gives kh without kw", "@Conv(out = 8, kh = ^3)");
    assertThat(compilation).hadErrorContaining("fix: add kw = ..., or write k for a square kernel");
  }

  @Test
  void convKernel_khAndKw_compiles() {
    assertThat(compiler.compile(net("@Conv(out = 8, kh = 1, kw = 7) Layer conv1;", FC))).succeededWithoutWarnings();
  }

  @ParameterizedTest(name = "@Dropout({0})")
  @ValueSource(strings = {"1.5", "-0.1", "1.0"})
  void dropout_outsideZeroToOne_reportsDropoutRangeOnValue(String p) {
    Compilation compilation = compiler.assertOneError(
        net("@Conv(out = 8, k = 3) @Dropout(" + p + ") Layer conv1;", FC),
        "[nn.DropoutRange] conv1: @Dropout(" + p + ") is not a probability in [0, 1)", "@Dropout(^" + p + ")");
    assertThat(compilation).hadErrorContaining("fix: use a drop probability such as @Dropout(0.5); 0 disables"
        + " dropout");
  }

  @Test
  void dropout_zero_compiles() {
    assertThat(compiler.compile(net("@Conv(out = 8, k = 3) @Dropout(0) Layer conv1;", FC))).succeededWithoutWarnings();
  }

  /** The slope through a constant, so that javac's caret is on a name (on {@code Double.NaN} it is on the dot). */
  @ParameterizedTest(name = "slope = {0}")
  @ValueSource(strings = {"Double.NaN", "1.0 / 0", "Double.NEGATIVE_INFINITY"})
  void leakyReluSlope_notFinite_reportsLeakyReluSlopeOnTheValue(String slope) {
    double value = switch (slope) {
      case "Double.NaN" -> Double.NaN;
      case "1.0 / 0" -> Double.POSITIVE_INFINITY;
      default -> Double.NEGATIVE_INFINITY;
    };
    Compilation compilation = compiler.assertOneError(net("static final double SLOPE = " + slope + ";",
            "@Conv(out = 8, k = 3) @LeakyReLU(slope = SLOPE) Layer conv1;", FC),
        "[nn.LeakyReluSlope] conv1: @LeakyReLU(slope = " + value + ") must be a finite number",
        "@LeakyReLU(slope = ^SLOPE)");
    assertThat(compilation).hadErrorContaining("fix: use a finite slope, e.g. @LeakyReLU(slope = 0.2), or leave it out"
        + " for PyTorch's 0.01");
  }

  @ParameterizedTest(name = "slope = {0}")
  @ValueSource(strings = {"0", "-0.5", "3"})
  void leakyReluSlope_anyFiniteValue_compiles(String slope) {
    assertThat(compiler.compile(net("@Conv(out = 8, k = 3) @LeakyReLU(slope = " + slope + ") Layer conv1;", FC)))
        .succeededWithoutWarnings();
  }

  @Test
  void lrnK_zero_reportsLrnParameterOnK() {
    Compilation compilation = compiler.assertOneError(net("@Conv(out = 8, k = 3) Layer conv1;", "@LRN(k = 0) Layer norm1;",
            FC),
        "[nn.LrnParameter] norm1: @LRN(k = 0.0) must be greater than 0, or an all-zero input divides by zero",
        "@LRN(k = ^0)");
    assertThat(compilation).hadErrorContaining(LRN_FIX);
  }

  @Test
  void lrnAlpha_negative_reportsLrnParameterOnAlpha() {
    compiler.assertOneError(net("@Conv(out = 8, k = 3) Layer conv1;", "@LRN(alpha = -1e-4) Layer norm1;", FC),
        "[nn.LrnParameter] norm1: @LRN(alpha = -0.0001) must be at least 0", "@LRN(alpha = ^-1e-4)");
  }

  @Test
  void lrnSize_zero_reportsNonPositiveParameterOnSize() {
    compiler.assertOneError(net("@Conv(out = 8, k = 3) Layer conv1;", "@LRN(size = 0) Layer norm1;", FC),
        "[nn.NonPositiveParameter] norm1: @LRN(size = 0)" + AT_LEAST_1, "@LRN(size = ^0)");
  }
}
