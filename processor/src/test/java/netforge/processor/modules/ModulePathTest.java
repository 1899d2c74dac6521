package netforge.processor.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor on the processor module path, compiling a network in a named module: found through its
 * {@code provides}, it generates the model just as it does from the class path (which every other test uses).
 */
class ModulePathTest {
  /** Test frameworks on this JVM's class path, which are no part of a user's module graph. */
  private static final List<String> TEST_ONLY = List.of("junit", "opentest4j", "apiguardian", "compile-testing",
      "truth", "guava", "failureaccess", "listenablefuture", "ecj", "jqwik", "archunit", "checker", "error_prone",
      "j2objc", "auto-value", "hamcrest", "surefire", "test-classes", "-tests.jar", "/processor/target/classes",
      "auto-service");

  @TempDir
  Path dir;

  @Test
  void networkModule_withoutRuntime_getsItsDescriptionModel() throws IOException {
    String output = compile("requires netforge.annotations;", false);
    assertTrue(Files.exists(dir.resolve("out/demo/TinyModel.class")), output);
  }

  @Test
  void networkModule_withRuntime_getsARunnableModel() throws IOException {
    String output = compile("requires netforge.runtime;\n  opens demo to netforge.runtime;", true);
    assertTrue(Files.exists(dir.resolve("out/demo/TinyModel.class")), output);
    assertTrue(Files.exists(dir.resolve("out/demo/TinyModel.cl")), "the OpenCL program beside the model\n" + output);
  }

  private String compile(String requires, boolean withRuntime) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src/demo"));
    Files.writeString(dir.resolve("src/module-info.java"),
        "module demo {\n  requires static java.compiler;\n  " + requires + "\n}\n");
    Files.writeString(src.resolve("Tiny.java"), String.join("\n",
        "package demo;",
        "import netforge.annotations.*;",
        "@Network(input = @Input(channels = 1, height = 8, width = 8), classes = 2)",
        "public abstract class Tiny {",
        "  @Flatten Layer flat;",
        "  @Dense(out = 2) Layer fc;",
        "}", ""));
    List<String> classPath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
    String modulePath = classPath.stream()
        .filter(e -> TEST_ONLY.stream().noneMatch(e::contains))
        .filter(e -> withRuntime || e.contains("dsl-annotations"))
        .collect(Collectors.joining(File.pathSeparator));
    String processorModulePath = classPath.stream()
        .filter(e -> e.contains("/processor/target/classes") || e.contains("javapoet") || e.contains("dsl-annotations"))
        .collect(Collectors.joining(File.pathSeparator));
    // An empty class path: in-process javac would otherwise use this JVM's, where the runtime always is.
    Path emptyClassPath = Files.createDirectories(dir.resolve("no-classes"));
    List<String> args = new ArrayList<>(List.of("-d", dir.resolve("out").toString(), "--module-path", modulePath,
        "--class-path", emptyClassPath.toString(),
        "--processor-module-path", processorModulePath,
        dir.resolve("src/module-info.java").toString(), src.resolve("Tiny.java").toString()));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    int status = javac.run(null, log, log, args.toArray(String[]::new));
    String text = log.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, "javac " + String.join(" ", args) + "\n" + text);
    return text;
  }
}
