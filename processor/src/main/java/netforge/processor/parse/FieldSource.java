package netforge.processor.parse;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;

/**
 * A layer field and its NetForge annotations, in source order: annotation {@code i} is step {@code i}. A layer of a
 * block's use is reported on the use: its field, its {@code @Use} (the only annotation), and, per step of the block's
 * field, which {@code @Use} attribute each block constant came from ({@code null} for an ordinary field).
 */
record FieldSource(VariableElement field, List<AnnotationMirror> annotations, List<Map<String, String>> useAttributes) {
  FieldSource {
    annotations = List.copyOf(annotations);
    useAttributes = useAttributes == null ? null : List.copyOf(useAttributes);
  }

  FieldSource(VariableElement field, List<AnnotationMirror> annotations) {
    this(field, annotations, null);
  }

  boolean isBlockUse() {
    return useAttributes != null;
  }
}
