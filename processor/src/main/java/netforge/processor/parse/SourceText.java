package netforge.processor.parse;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.tools.FileObject;

/**
 * The source text of a type, for compilers without javac's tree API (Eclipse's ECJ); {@code null} where none of
 * these routes finds it, and the shape trace then prints no line numbers:
 *
 * <ol>
 *   <li>{@code Elements.getFileObjectOf(Element)}, standard since Java 18 and called by name because NetForge
 *       builds for Java 17; ECJ implements it, but only with its own file manager (in a compile-testing
 *       run it throws {@link UnsupportedOperationException}), and on Java 17 its class cannot even be asked for the
 *       method (it names types of newer JDKs: {@link NoClassDefFoundError});
 *   <li>ECJ's own {@code getFileName()} of a source element (its {@code IElementInfo}): ECJ has no other way to
 *       name an element's file, and this is a public method, so nothing reaches into ECJ's fields. It names the
 *       file ECJ compiles, which ECJ's batch compiler requires to exist on disk.
 * </ol>
 */
final class SourceText {
  private final ProcessingEnvironment env;

  SourceText(ProcessingEnvironment env) {
    this.env = env;
  }

  String of(Element type) {
    String text = fromFileObject(type);
    return text != null ? text : fromEcjFileName(type);
  }

  private String fromFileObject(Element type) {
    Object utils = env.getElementUtils();
    try {
      Method getFileObjectOf = utils.getClass().getMethod("getFileObjectOf", Element.class);
      if (getFileObjectOf.invoke(utils, type) instanceof FileObject file) {
        CharSequence content = file.getCharContent(true);
        return content == null ? null : content.toString();
      }
    } catch (ReflectiveOperationException | IOException | RuntimeException | LinkageError unavailable) {
      // Not this compiler's (or this file manager's) route, or (ECJ on an older JDK) a class that names types of a
      // newer JDK: try the next.
    }
    return null;
  }

  private static String fromEcjFileName(Element type) {
    try {
      Method getFileName = type.getClass().getMethod("getFileName");
      if (getFileName.invoke(type) instanceof String name && name.endsWith(".java")) {
        Path file = Path.of(name);
        return Files.isRegularFile(file) ? decode(Files.readAllBytes(file)) : null;
      }
    } catch (ReflectiveOperationException | IOException | RuntimeException | LinkageError unavailable) {
      // Not ECJ, or a file ECJ did not read from disk (the IDE's workspace).
    }
    return null;
  }

  /**
   * UTF-8, or the platform's charset where the bytes are not UTF-8: only line breaks and ASCII names matter here,
   * and they read the same in UTF-8 and every single-byte charset.
   */
  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException notUtf8) {
      return new String(bytes, Charset.defaultCharset());
    }
  }
}
