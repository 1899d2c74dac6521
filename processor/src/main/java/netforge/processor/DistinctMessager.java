package netforge.processor;

import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * Prints each message once per place. A network that extends another checks the inherited layers again; where the
 * result is the same (the same text on the same annotation value), the superclass has already said it, and a
 * second copy would break "one mistake, one message". A different input makes a different text, which is printed.
 */
final class DistinctMessager implements Messager {
  private record Printed(Kind kind, String message, Element element, AnnotationMirror mirror, AnnotationValue value) {}

  private final Messager messager;
  private final Set<Printed> printed = new HashSet<>();

  DistinctMessager(Messager messager) {
    this.messager = messager;
  }

  @Override
  public void printMessage(Kind kind, CharSequence message) {
    if (printed.add(new Printed(kind, message.toString(), null, null, null))) {
      messager.printMessage(kind, message);
    }
  }

  @Override
  public void printMessage(Kind kind, CharSequence message, Element element) {
    if (printed.add(new Printed(kind, message.toString(), element, null, null))) {
      messager.printMessage(kind, message, element);
    }
  }

  @Override
  public void printMessage(Kind kind, CharSequence message, Element element, AnnotationMirror mirror) {
    if (printed.add(new Printed(kind, message.toString(), element, mirror, null))) {
      messager.printMessage(kind, message, element, mirror);
    }
  }

  @Override
  public void printMessage(Kind kind, CharSequence message, Element element, AnnotationMirror mirror,
      AnnotationValue value) {
    if (printed.add(new Printed(kind, message.toString(), element, mirror, value))) {
      messager.printMessage(kind, message, element, mirror, value);
    }
  }
}
