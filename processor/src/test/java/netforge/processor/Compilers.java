package netforge.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.util.List;
import javax.tools.JavaFileObject;
import netforge.processor.Sources.Caret;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;

/**
 * The compilers every diagnostics test runs under: javac and Eclipse's ECJ, each with a new processor per
 * compilation (a processor may be initialised only once). ECJ compiles only sources that exist on disk, which is
 * why {@link Sources} writes its networks to files.
 */
public enum Compilers {
  JAVAC {
    @Override
    Compiler compiler() {
      return Compiler.javac();
    }

    @Override
    public Caret caret(JavaFileObject source, String marked) {
      return Sources.caret(source, marked);
    }
  },
  ECJ {
    @Override
    Compiler compiler() {
      // Java 17, as the project builds; without it ECJ compiles at its newest language level.
      return Compiler.compiler(new EclipseCompiler()).withOptions("--release", "17");
    }

    /**
     * Where ECJ puts its caret for the same diagnostic. javac marks an annotation value, ECJ its member-value pair,
     * which starts at the attribute's name: {@code @Dense(^in = 4096)} where javac has {@code @Dense(in = ^4096)}.
     * The only value of a single-element annotation ({@code @Dropout(^0.5)}), an annotation ({@code ^@Conv}) and
     * a field name are marked as javac marks them. The line is always javac's.
     */
    @Override
    public Caret caret(JavaFileObject source, String marked) {
      Caret javac = Sources.caret(source, marked);
      String line = Sources.lines(source).get((int) javac.line() - 1);
      int at = (int) javac.column() - 1; // 0-based
      int before = at - 1;
      while (before >= 0 && line.charAt(before) == ' ') {
        before--;
      }
      if (before < 0 || line.charAt(before) != '=') {
        return javac;
      }
      int nameEnd = before - 1;
      while (nameEnd >= 0 && line.charAt(nameEnd) == ' ') {
        nameEnd--;
      }
      int nameStart = nameEnd;
      while (nameStart > 0 && Character.isJavaIdentifierPart(line.charAt(nameStart - 1))) {
        nameStart--;
      }
      return new Caret(javac.line(), nameStart + 1);
    }
  };

  abstract Compiler compiler();

  /** Where this compiler puts the caret that javac puts where {@code ^} is in {@code marked}. */
  public abstract Caret caret(JavaFileObject source, String marked);

  /** This compiler with the processor. */
  public Compiler withProcessor() {
    return compiler().withProcessors(new NetworkProcessor());
  }

  public Compilation compile(JavaFileObject... sources) {
    return withProcessor().compile(List.of(sources));
  }

  /** Exactly one error, {@code expected}, with the caret where javac puts it at {@code ^} in {@code caretMark}. */
  public Compilation assertOneError(JavaFileObject source, String expected, String caretMark) {
    return assertOneError(source, expected, caret(source, caretMark));
  }

  /** Exactly one error, {@code expected}, with this compiler's caret at {@code at}. */
  public Compilation assertOneError(JavaFileObject source, String expected, Caret at) {
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(expected).inFile(source).onLine(at.line()).atColumn(at.column());
    return compilation;
  }
}
