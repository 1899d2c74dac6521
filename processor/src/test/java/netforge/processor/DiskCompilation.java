package netforge.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Runs javac with the processor into a directory and lists what was written there. compile-testing hides the
 * generated files of a failed compilation; this shows which networks of a failing compilation still generated.
 */
public final class DiskCompilation {
  private DiskCompilation() {}

  /** Compiles {@code sources} into {@code dir} and returns the paths, relative to it, of every file written. */
  public static List<String> writtenFiles(Path dir, JavaFileObject... sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
          List.of("-d", dir.toString(), "-s", dir.toString(), "-proc:only",
              "-classpath", System.getProperty("java.class.path")),
          null, List.of(sources));
      task.setProcessors(List.of(new NetworkProcessor()));
      task.call();
      try (Stream<Path> walk = Files.walk(dir)) {
        return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
            .sorted().toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
