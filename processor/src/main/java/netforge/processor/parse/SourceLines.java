package netforge.processor.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/**
 * Source line numbers for shape traces: the line where a field's declaration starts (its first annotation or
 * modifier), as javac reports it; 0 where the line cannot be found, and the trace then prints no {@code (line N)}.
 *
 * <p>Under javac, its tree API ({@link JavacLines}). Under any other compiler (Eclipse's ECJ), the source text of
 * the field's type ({@link SourceText}) and a lexical scan of it for the field's declaration ({@link FieldLocator}).
 */
final class SourceLines {
  private final JavacLines javac;
  private final SourceText sources;
  /** The last type scanned lexically and its fields' lines: a network's fields are looked up one after another. */
  private TypeElement scanned;
  private Map<String, Integer> scannedLines = Map.of();

  SourceLines(ProcessingEnvironment env) {
    this.javac = JavacLines.find(env);
    this.sources = javac == null ? new SourceText(env) : null;
  }

  int lineOf(Element field) {
    if (javac != null) {
      return javac.lineOf(field);
    }
    if (!(field.getEnclosingElement() instanceof TypeElement type)) {
      return 0;
    }
    if (type != scanned) {
      scanned = type;
      scannedLines = scan(type);
    }
    return scannedLines.getOrDefault(field.getSimpleName().toString(), 0);
  }

  private Map<String, Integer> scan(TypeElement type) {
    List<String> path = new ArrayList<>();
    Element at = type;
    while (at instanceof TypeElement nested) {
      NestingKind nesting = nested.getNestingKind();
      if (nesting != NestingKind.TOP_LEVEL && nesting != NestingKind.MEMBER) {
        return Map.of(); // a local or anonymous class: no name path to find it by
      }
      path.add(nested.getSimpleName().toString());
      at = nested.getEnclosingElement();
    }
    Collections.reverse(path);
    String text = sources.of(type);
    return text == null ? Map.of() : FieldLocator.fieldLines(text, path);
  }
}
