package netforge.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Test inputs for the processor: small networks built from their field lines, one compile call, and where a line
 * and a caret are in a source (computed from its text, never written as numbers).
 */
public final class Sources {
  /** The {@code @Network} line most tests use: a 28x28 grey image, 10 classes. */
  public static final String MNIST = "@Network(input = @Input(channels = 1, height = 28, width = 28), classes = 10)";

  private Sources() {}

  /** A processor may be initialised only once, so every compilation gets a new one. */
  public static Compiler javac() {
    return Compilers.JAVAC.withProcessor();
  }

  /** Compiles with javac; the diagnostics tests use {@link Compilers} to run under javac and ECJ. */
  public static Compilation compile(JavaFileObject... sources) {
    return javac().compile(sources);
  }

  /** {@code test.Net}: {@code abstract class Net} under {@link #MNIST}, with these member lines. */
  public static JavaFileObject net(String... members) {
    return network(MNIST, "abstract class Net", members);
  }

  /** {@code test.<Name>}, the name taken from {@code declaration} ({@code "abstract class Net<T>"}). */
  public static JavaFileObject network(String networkAnnotation, String declaration, String... members) {
    List<String> lines = new ArrayList<>(List.of(
        "package test;",
        "",
        "import netforge.annotations.*;",
        ""));
    if (!networkAnnotation.isEmpty()) {
      lines.add(networkAnnotation);
    }
    lines.add(declaration + " {");
    for (String member : members) {
      lines.add("  " + member);
    }
    lines.add("}");
    return onDisk("test." + typeName(declaration), lines);
  }

  /**
   * The source {@code lines} of the top-level type {@code qualifiedName}, written to a new directory of its own:
   * ECJ compiles only files that exist (javac reads them as well as in-memory ones).
   */
  public static JavaFileObject onDisk(String qualifiedName, List<String> lines) {
    try {
      Path root = Files.createTempDirectory("netforge-source");
      Path file = root.resolve(qualifiedName.replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.write(file, lines, StandardCharsets.UTF_8);
      // Deleted at exit in the reverse order of registration: the file, then its directories up to the root.
      root.toFile().deleteOnExit();
      Path path = root;
      for (Path name : root.relativize(file)) {
        path = path.resolve(name);
        path.toFile().deleteOnExit();
      }
      return JavaFileObjects.forResource(file.toUri().toURL());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String typeName(String declaration) {
    String[] words = declaration.split("[\\s<(]+");
    for (int i = 0; i + 1 < words.length; i++) {
      if (List.of("class", "interface", "enum", "record").contains(words[i])) {
        return words[i + 1];
      }
    }
    throw new IllegalArgumentException("no type name in " + declaration);
  }

  /** A source's lines. */
  public static List<String> lines(JavaFileObject source) {
    try {
      return source.getCharContent(true).toString().lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where javac puts a caret: 1-based line and column ({@link Compilers#caret} for other compilers). */
  public record Caret(long line, long column) {}

  /**
   * The caret marked by {@code ^} in {@code marked}: {@code caret(src, "@Dense(in = ^4096")} is the line holding
   * {@code @Dense(in = 4096} (which must be the only one) and the column of its {@code 4096}.
   */
  public static Caret caret(JavaFileObject source, String marked) {
    int mark = marked.indexOf('^');
    if (mark < 0) {
      throw new IllegalArgumentException("no ^ in " + marked);
    }
    String text = marked.substring(0, mark) + marked.substring(mark + 1);
    List<String> lines = lines(source);
    Caret found = null;
    for (int i = 0; i < lines.size(); i++) {
      int at = lines.get(i).indexOf(text);
      if (at >= 0) {
        assertWithMessage("'%s' is on more than one line of %s", text, source.getName()).that(found).isNull();
        found = new Caret(i + 1, at + mark + 1);
      }
    }
    assertWithMessage("'%s' is on no line of %s", text, source.getName()).that(found).isNotNull();
    return found;
  }

  /** The line number of the only line containing {@code text}. */
  public static long lineOf(JavaFileObject source, String text) {
    return caret(source, "^" + text).line();
  }

  /** The one diagnostic whose message contains {@code code} ({@code "[nn.ShapeMismatch]"}), as javac prints it. */
  public static String message(Compilation compilation, String code) {
    List<String> found = compilation.diagnostics().stream()
        .map(d -> d.getMessage(Locale.ROOT)).filter(m -> m.contains(code)).toList();
    assertWithMessage("diagnostics containing %s in %s", code, compilation.diagnostics()).that(found).hasSize(1);
    return found.get(0);
  }

  /** The text with every run of spaces squeezed to one, so that column alignment does not matter. */
  public static String squeezed(String text) {
    return text.replaceAll(" +", " ");
  }

  /**
   * Asserts that {@code text} holds {@code parts} in this order, runs of spaces squeezed in both: a shape trace's
   * rows without its column alignment.
   */
  public static void assertContainsInOrder(String text, String... parts) {
    String squeezed = squeezed(text);
    int from = 0;
    for (String part : parts) {
      int at = squeezed.indexOf(squeezed(part), from);
      assertWithMessage("'%s' after position %s of:%n%s", part, from, text).that(at).isAtLeast(0);
      from = at + squeezed(part).length();
    }
  }

  /** Every message of a compilation, for failure messages. */
  public static List<String> messages(Compilation compilation, Diagnostic.Kind kind) {
    return compilation.diagnostics().stream().filter(d -> d.getKind() == kind)
        .map(d -> d.getMessage(Locale.ROOT)).toList();
  }
}
