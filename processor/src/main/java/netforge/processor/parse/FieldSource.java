package netforge.processor.parse;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;

/** A layer field and its NetForge annotations, in source order: annotation {@code i} is step {@code i}. */
record FieldSource(VariableElement field, List<AnnotationMirror> annotations) {
  FieldSource {
    annotations = List.copyOf(annotations);
  }
}
