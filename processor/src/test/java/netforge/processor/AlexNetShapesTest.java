package netforge.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static netforge.processor.GeneratedClasses.call;
import static netforge.processor.GeneratedClasses.constant;
import static netforge.processor.Sources.assertContainsInOrder;
import static netforge.processor.Sources.compile;
import static netforge.processor.Sources.message;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The classic AlexNet (a copy of the example) through the whole processor: no diagnostics, and the generated
 * model's shapes and parameter counts are the published ones.
 */
class AlexNetShapesTest {
  private static final String MODEL = "netforge.examples.alexnet.AlexNetModel";
  private static JavaFileObject source;
  private static Compilation compilation;
  private static Class<?> model;

  @BeforeAll
  static void compileAlexNet() {
    source = JavaFileObjects.forResource("good/AlexNet.java");
    compilation = compile(source);
    assertThat(compilation).succeeded();
    model = new GeneratedClasses(compilation).load(MODEL);
  }

  @Test
  void alexNet_classic_compilesWithoutErrorsOrWarnings() {
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).hadErrorCount(0);
    assertThat(compilation).hadWarningCount(0);
  }

  @Test
  void alexNet_classic_has58299082Parameters() {
    assertThat(constant(model, "PARAMETERS")).isEqualTo(58_299_082L);
    assertThat(compilation).generatedSourceFile(MODEL).contentsAsUtf8String().contains("PARAMETERS = 58299082L");
  }

  @ParameterizedTest(name = "{0} has {1} parameters")
  @CsvSource({
      "CONV1, 11712", "POOL1, 0", "CONV2, 614656", "POOL2, 0", "CONV3, 885120", "CONV4, 1327488",
      "CONV5, 884992", "POOL5, 0", "FC6, 37752832", "FC7, 16781312", "FC8, 40970"})
  void alexNet_classic_layerParameters(String layer, long parameters) {
    assertThat(constant(model, layer + "_PARAMETERS")).isEqualTo(parameters);
  }

  @ParameterizedTest(name = "{0} -> {1}x{2}x{3}")
  @CsvSource({
      "CONV1, 96, 55, 55", "POOL1, 96, 27, 27", "CONV2, 256, 27, 27", "POOL2, 256, 13, 13",
      "CONV3, 384, 13, 13", "CONV4, 384, 13, 13", "CONV5, 256, 13, 13", "POOL5, 256, 6, 6"})
  void alexNet_classic_spatialShapes(String layer, int channels, int height, int width) {
    assertThat(List.of(constant(model, layer + "_CHANNELS"), constant(model, layer + "_HEIGHT"),
        constant(model, layer + "_WIDTH"))).containsExactly(channels, height, width).inOrder();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"FC6, 4096", "FC7, 4096", "FC8, 10"})
  void alexNet_classic_denseFeatures(String layer, int features) {
    assertThat(constant(model, layer + "_FEATURES")).isEqualTo(features);
  }

  @Test
  void alexNet_summary_hasCumulativeColumn() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("conv1", "11,712");
    expected.put("pool1", "11,712");
    expected.put("conv2", "626,368");
    expected.put("pool2", "626,368");
    expected.put("conv3", "1,511,488");
    expected.put("conv4", "2,838,976");
    expected.put("conv5", "3,723,968");
    expected.put("pool5", "3,723,968");
    expected.put("fc6", "41,476,800");
    expected.put("fc7", "58,258,112");
    expected.put("fc8", "58,299,082");
    assertThat(column((String) call(model, "summary"), "Cumulative")).containsExactlyEntriesIn(expected).inOrder();
  }

  @Test
  void alexNet_summary_totalsParameters() {
    assertThat((String) call(model, "summary")).contains("Total parameters: 58,299,082");
  }

  @Test
  void alexNet_summaryOption_printsTableAsNote() {
    Compilation withSummary = Sources.javac().withOptions("-Anetforge.summary=true").compile(source);
    assertThat(withSummary).succeededWithoutWarnings();
    assertThat(withSummary).hadNoteContaining("[nn.Summary]").inFile(source)
        .onLineContaining("public abstract class AlexNet");
    assertContainsInOrder(message(withSummary, "[nn.Summary]"),
        "conv1 @Conv(out = 96, k = 11, s = 4) @ReLU [96, 55, 55] 11,712 11,712",
        "fc6 @Dropout(0.5) @Dense(out = 4096) @ReLU [4096] 37,752,832 41,476,800",
        "fc8 @Dense(out = 10) [10] 40,970 58,299,082",
        "Total parameters: 58,299,082");
  }

  @Test
  void alexNet_withoutSummaryOption_printsNoSummary() {
    assertThat(compilation.notes().stream().map(n -> n.getMessage(null)).filter(m -> m.contains("[nn.Summary]")))
        .isEmpty();
  }

  @Test
  void alexNetImageNet_rgbAnd1000Classes_has62378344Parameters() {
    Compilation imageNet = compile(JavaFileObjects.forResource("good/AlexNetImageNet.java"));
    assertThat(imageNet).succeededWithoutWarnings();
    Class<?> imageNetModel = new GeneratedClasses(imageNet).load("netforge.examples.alexnet.AlexNetImageNetModel");
    assertThat(constant(imageNetModel, "PARAMETERS")).isEqualTo(62_378_344L);
    assertThat(constant(imageNetModel, "CONV1_PARAMETERS")).isEqualTo(96L * 3 * 11 * 11 + 96);
    assertThat(constant(imageNetModel, "FC8_PARAMETERS")).isEqualTo(4096L * 1000 + 1000);
  }

  @Test
  void alexNetClassic_224WithAdaptivePool_has62378344Parameters() {
    // On 224x224 the classic pool5 gives 5x5; an adaptive pool to 6x6 restores the 227 network's 9216 features.
    Class<?> classic224 = modelOf("Classic224", 96, 256, 384, 384, 256, "");
    assertThat(constant(classic224, "POOL5_HEIGHT")).isEqualTo(5);
    assertThat(constant(classic224, "AVGPOOL_HEIGHT")).isEqualTo(6);
    assertThat(constant(classic224, "PARAMETERS")).isEqualTo(62_378_344L);
  }

  @Test
  void alexNetTorchvision_224_has61100840Parameters() {
    // torchvision.models.alexnet(): conv1 with p = 2 and narrower convolutions; 61,100,840 parameters.
    Class<?> torchvision = modelOf("Torchvision", 64, 192, 384, 256, 256, ", p = 2");
    assertThat(constant(torchvision, "POOL5_HEIGHT")).isEqualTo(6);
    assertThat(constant(torchvision, "PARAMETERS")).isEqualTo(61_100_840L);
  }

  /** An AlexNet on 224x224x3 with 1000 classes and an adaptive pool before fc6, compiled and loaded. */
  private static Class<?> modelOf(String name, int c1, int c2, int c3, int c4, int c5, String conv1Padding) {
    JavaFileObject net = JavaFileObjects.forSourceLines("test." + name,
        "package test;",
        "import netforge.annotations.*;",
        "@Network(input = @Input(channels = 3, height = 224, width = 224), classes = 1000)",
        "abstract class " + name + " {",
        "  @Conv(out = " + c1 + ", k = 11, s = 4" + conv1Padding + ") @ReLU Layer conv1;",
        "  @MaxPool(k = 3, s = 2) Layer pool1;",
        "  @Conv(out = " + c2 + ", k = 5, p = 2) @ReLU Layer conv2;",
        "  @MaxPool(k = 3, s = 2) Layer pool2;",
        "  @Conv(out = " + c3 + ", k = 3, p = 1) @ReLU Layer conv3;",
        "  @Conv(out = " + c4 + ", k = 3, p = 1) @ReLU Layer conv4;",
        "  @Conv(out = " + c5 + ", k = 3, p = 1) @ReLU Layer conv5;",
        "  @MaxPool(k = 3, s = 2) Layer pool5;",
        "  @AdaptiveAvgPool(h = 6, w = 6) Layer avgpool;",
        "  @Dropout(0.5) @Dense(out = 4096) @ReLU Layer fc6;",
        "  @Dropout(0.5) @Dense(out = 4096) @ReLU Layer fc7;",
        "  @Dense(out = 1000) Layer fc8;",
        "}");
    Compilation compiled = compile(net);
    assertThat(compiled).succeeded();
    assertThat(compiled).hadErrorCount(0);
    return new GeneratedClasses(compiled).load("test." + name + "Model");
  }

  /** Layer name to the value in column {@code header} of a summary table. */
  private static Map<String, String> column(String summary, String header) {
    List<String> lines = summary.lines().toList();
    int headerRow = 0;
    while (!lines.get(headerRow).startsWith("Layer")) {
      headerRow++;
    }
    int index = List.of(lines.get(headerRow).split(" {2,}")).indexOf(header);
    assertThat(index).isAtLeast(0);
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : lines.subList(headerRow + 2, lines.size())) {
      String[] cells = line.split(" {2,}");
      if (cells.length > index && !line.startsWith("Total") && !line.startsWith("Forward")) {
        values.put(cells[0], cells[index]);
      }
    }
    return values;
  }
}
