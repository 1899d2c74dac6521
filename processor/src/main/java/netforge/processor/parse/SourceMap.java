package netforge.processor.parse;

import java.util.List;
import java.util.Map;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
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
  /** Code, use field and attribute of each diagnostic printed on a block's use. */
  private final java.util.Set<List<Object>> printedOnUses = new java.util.HashSet<>();

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
    if (site.target() == Site.Target.ANNOTATION && fields.get(site.layer()).isBlockUse()
        && !printedOnUses.add(List.of(diagnostic.message().code(), fields.get(site.layer()).field(),
            String.valueOf(site.attribute())))) {
      return; // a use's two layers that took one bad value from it: one error for the value
    }
    String text = diagnostic.text();
    var kind = diagnostic.message().kind();
    switch (site.target()) {
      case NETWORK -> {
        boolean ecj = isEcj();
        if (ecj && type.getKind() == ElementKind.RECORD) {
          messager.printMessage(kind, text, ecjRecordAnchor()); // see isEcj
        } else if (network == null) {
          messager.printMessage(kind, text, type);
        } else if (site.attribute() == null) {
          messager.printMessage(kind, text, type, network);
        } else {
          messager.printMessage(kind, text, type, network, networkValue(site.attribute(), !ecj));
        }
      }
      case FIELD -> messager.printMessage(kind, text, fields.get(site.layer()).field());
      case MEMBER -> messager.printMessage(kind, text, members.get(site.layer()));
      case ANNOTATION -> {
        FieldSource field = fields.get(site.layer());
        String attribute = site.attribute();
        AnnotationMirror mirror;
        if (field.isBlockUse()) {
          // a step of a block's layer: on the @Use, at the value the block took from it, if any
          mirror = field.annotations().get(0);
          attribute = attribute == null ? null : field.useAttributes().get(site.annotation()).get(attribute);
        } else {
          mirror = field.annotations().get(site.annotation());
        }
        AnnotationValue value = attribute == null ? null : explicitValue(mirror, attribute);
        if (value == null) {
          messager.printMessage(kind, text, field.field(), mirror);
        } else {
          messager.printMessage(kind, text, field.field(), mirror, value);
        }
      }
    }
  }

  /**
   * {@code classes} or {@code input.height}: the written value, or {@code null} if it was defaulted; a value inside
   * {@code @Input} only if the compiler places messages there ({@code nested}), else the {@code input} value.
   */
  private AnnotationValue networkValue(String attribute, boolean nested) {
    if (!attribute.startsWith("input.")) {
      return explicitValue(network, attribute);
    }
    AnnotationValue input = explicitValue(network, "input");
    if (!nested || input == null || !(input.getValue() instanceof AnnotationMirror inner)) {
      return input;
    }
    AnnotationValue value = explicitValue(inner, attribute.substring("input.".length()));
    return value != null ? value : input;
  }

  static AnnotationValue explicitValue(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  /**
   * Whether this is Eclipse's compiler, whose {@link Messager} (ECJ 3.42) places fewer messages than javac's: a
   * value only where it is a member-value pair of the mirror's own annotation, so a value inside the nested
   * {@code @Input} would go on the start of {@code @Network} (the {@code input} value goes on its own line instead),
   * and nothing at all on a record (no file, no line), so a message about a record network goes on one of its declared
   * fields, where it has one. Its caret marks a member-value pair from the
   * attribute's name, {@code ^in = 4096}, where javac marks the value; that cannot be changed from here.
   */
  private boolean isEcj() {
    // The element's class, not the Messager's: the processor hands over its own Messager (DistinctMessager).
    return type.getClass().getName().startsWith("org.eclipse.jdt.");
  }

  /**
   * Where ECJ can place a message about a record network: its first field that is not a component (ECJ places
   * nothing on a record, its components, or its implicit members), else the record itself (no file, no line).
   */
  private Element ecjRecordAnchor() {
    for (Element member : type.getEnclosedElements()) {
      if (member.getKind() == ElementKind.FIELD && type.getRecordComponents().stream()
          .noneMatch(component -> component.getSimpleName().equals(member.getSimpleName()))) {
        return member;
      }
    }
    return type;
  }

  /** The element a diagnostic about the whole network is attached to. */
  public Element element() {
    return type;
  }
}
