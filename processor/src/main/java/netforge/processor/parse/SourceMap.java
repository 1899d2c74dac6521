package netforge.processor.parse;

import java.util.List;
import java.util.Map;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import netforge.processor.diag.Diagnostic;
import netforge.processor.diag.Site;

/**
 * Maps a model {@link Site} back to javac's element, annotation mirror and value, and prints diagnostics there,
 * so javac's caret lands on the offending value. A value the user did not write (a default) has no position,
 * so the message goes on its annotation, and javac points at the {@code @}.
 */
public final class SourceMap {
  private final TypeElement type;
  private final AnnotationMirror network;
  private final List<FieldSource> fields;
  private final MemberSites members;

  SourceMap(TypeElement type, AnnotationMirror network, List<FieldSource> fields, MemberSites members) {
    this.type = type;
    this.network = network;
    this.fields = List.copyOf(fields);
    this.members = members;
  }

  public TypeElement type() {
    return type;
  }

  public void print(Messager messager, Diagnostic diagnostic) {
    Site site = diagnostic.site();
    String text = diagnostic.text();
    var kind = diagnostic.message().kind();
    switch (site.target()) {
      case NETWORK -> {
        if (network == null) {
          messager.printMessage(kind, text, type);
        } else if (site.attribute() == null) {
          messager.printMessage(kind, text, type, network);
        } else {
          messager.printMessage(kind, text, type, network, networkValue(site.attribute()));
        }
      }
      case FIELD -> messager.printMessage(kind, text, fields.get(site.layer()).field());
      case MEMBER -> messager.printMessage(kind, text, members.get(site.layer()));
      case ANNOTATION -> {
        FieldSource field = fields.get(site.layer());
        AnnotationMirror mirror = field.annotations().get(site.annotation());
        AnnotationValue value = site.attribute() == null ? null : explicitValue(mirror, site.attribute());
        if (value == null) {
          messager.printMessage(kind, text, field.field(), mirror);
        } else {
          messager.printMessage(kind, text, field.field(), mirror, value);
        }
      }
    }
  }

  /** {@code classes} or {@code input.height}: the written value, or {@code null} if it was defaulted. */
  private AnnotationValue networkValue(String attribute) {
    if (!attribute.startsWith("input.")) {
      return explicitValue(network, attribute);
    }
    AnnotationValue input = explicitValue(network, "input");
    if (input == null || !(input.getValue() instanceof AnnotationMirror nested)) {
      return input;
    }
    AnnotationValue inner = explicitValue(nested, attribute.substring("input.".length()));
    return inner != null ? inner : input;
  }

  static AnnotationValue explicitValue(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The element a diagnostic about the whole network is attached to. */
  public Element element() {
    return type;
  }
}
