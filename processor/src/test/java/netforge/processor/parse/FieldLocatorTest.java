package netforge.processor.parse;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lexical field lookup that gives shape traces their line numbers where javac's tree API is missing (ECJ): the
 * line of a declaration's first token, as javac gives it, and never a name in a comment, a string, a body or a
 * nested class. The diagnostics tests check the same lines through ECJ end to end.
 */
class FieldLocatorTest {
  private static final String SOURCE = String.join("\n",
      "package test;",                                                                    // 1
      "/* class Net { Layer fc; } */",                                                    // 2
      "@Network(input = @Input(channels = 1, height = 28, width = 28), classes = 10)",    // 3
      "abstract class Net {",                                                             // 4
      "  // Layer conv1;",                                                                // 5
      "  String s = \"Layer conv1; }\", t = \"\"\"",                                      // 6
      "      Layer conv1; } {",                                                           // 7
      "      \"\"\";",                                                                    // 8
      "  char c = '}';",                                                                  // 9
      "  /** the first convolution */",                                                   // 10
      "  @Conv(out = 96, k = 11,",                                                        // 11
      "        s = 4)",                                                                   // 12
      "  @ReLU",                                                                          // 13
      "  Layer conv1;",                                                                   // 14
      "  void helper() { Layer pool1 = null; }",                                          // 15
      "  static class Inner { @Dense(out = 3) Layer fc; }",                               // 16
      "  java.util.Map<String, Integer> map;",                                            // 17
      "  @MaxPool(k = 2) Layer pool1, pool2;",                                            // 18
      "  Runnable r = () -> { int fc; };",                                                // 19
      "  @Dense(out = 10) Layer fc;",                                                     // 20
      "}");

  @Test
  void fieldLines_ofTopLevelType_areTheFirstLineOfEachDeclaration() {
    Map<String, Integer> lines = FieldLocator.fieldLines(SOURCE, List.of("Net"));
    assertThat(lines).containsEntry("conv1", 11);
    assertThat(lines).containsEntry("pool1", 18);
    assertThat(lines).containsEntry("pool2", 18);
    assertThat(lines).containsEntry("fc", 20);
    assertThat(lines).containsEntry("s", 6);
    assertThat(lines).containsEntry("t", 6);
    assertThat(lines).containsEntry("c", 9);
    assertThat(lines).containsEntry("map", 17);
    assertThat(lines).containsEntry("r", 19);
    assertThat(lines.keySet()).containsNoneOf("String", "Integer", "helper", "Inner", "Layer");
  }

  @Test
  void fieldLines_ofNestedType_areItsOwn() {
    assertThat(FieldLocator.fieldLines(SOURCE, List.of("Net", "Inner"))).containsExactly("fc", 16);
  }

  @Test
  void fieldLines_ofAMissingType_areEmpty() {
    assertThat(FieldLocator.fieldLines(SOURCE, List.of("Other"))).isEmpty();
    assertThat(FieldLocator.fieldLines(SOURCE, List.of("Inner"))).isEmpty();
  }

  @Test
  void fieldLines_countCarriageReturnsAsJavacDoes() {
    String source = "class Net {\r\n  int a;\r  int b;\n  int c;\r\n}";
    assertThat(FieldLocator.fieldLines(source, List.of("Net"))).containsExactly("a", 2, "b", 3, "c", 4);
  }
}
