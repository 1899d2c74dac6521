package netforge.processor.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;
import netforge.processor.diag.Diagnostic;
import netforge.processor.diag.Message;
import netforge.processor.diag.Message.Hint;
import netforge.processor.diag.Report;
import netforge.processor.diag.Site;
import netforge.processor.model.LayerModel;
import netforge.processor.model.Op;
import netforge.processor.model.TensorNames;

/**
 * Expands a field annotated {@code @Use(SomeBlock.class, out = ..., s = ...)} into the block's layers, its constants
 * bound to the use's values ({@link BlockBinding}), each layer named {@code <prefix>.<block field>} and reported on
 * the use. The last layer fills the field: it is the block's output.
 */
final class BlockExpander {
  static final String BLOCK = NetworkParser.PACKAGE + ".Block";

  /** What expanding one use gave: its layers and, parallel to them, where each is reported. */
  record Expansion(List<LayerModel> layers, List<FieldSource> sources, boolean javacErrors) {}

  private final Types types;
  private final TypeMirror layerType;
  private final SourceLines lines;
  private final Function<AnnotationMirror, Map<String, AnnotationValue>> values;
  private final TensorNamer tensorNames;

  /** The name a field's convolution or dense layer gives its tensors ({@link NetworkParser#tensorNames}). */
  interface TensorNamer {
    String of(List<AnnotationMirror> annotations, BlockBinding binding, String layer);
  }

  BlockExpander(Types types, TypeMirror layerType, SourceLines lines,
      Function<AnnotationMirror, Map<String, AnnotationValue>> values, TensorNamer tensorNames) {
    this.types = types;
    this.layerType = layerType;
    this.lines = lines;
    this.values = values;
    this.tensorNames = tensorNames;
  }

  /**
   * The layers of the use on {@code field}, whose annotation {@code use} is the field's only one, at layer
   * {@code index}, below the layer named {@code above} (null for the first); {@code null} after reporting why the
   * block cannot be used.
   */
  Expansion expand(VariableElement field, AnnotationMirror use, int index, String above, Report report) {
    Map<String, AnnotationValue> written = values.apply(use);
    String fieldName = field.getSimpleName().toString();
    if (!(valueOf(written, "value") instanceof DeclaredType declared
        && declared.asElement() instanceof TypeElement block)) {
      return new Expansion(List.of(), List.of(), true); // javac reports a class it cannot resolve
    }
    if (!isBlock(block)) {
      report.add(new Diagnostic(Message.NOT_A_BLOCK, Site.annotation(index, 0, "value"),
          Message.NOT_A_BLOCK.format(fieldName, block.getSimpleName()),
          List.of(Hint.ANNOTATE_BLOCK.format(block.getSimpleName()))));
      return null;
    }
    List<VariableElement> blockFields = new ArrayList<>();
    for (VariableElement inner : ElementFilter.fieldsIn(block.getEnclosedElements())) {
      if (inner.asType().getKind() != TypeKind.ERROR && types.isSameType(inner.asType(), layerType)
          && inner.getAnnotationMirrors().stream().anyMatch(NetworkParser::isFieldAnnotation)) {
        blockFields.add(inner);
      }
    }
    if (blockFields.isEmpty()) {
      report.add(new Diagnostic(Message.EMPTY_BLOCK, Site.annotation(index, 0, "value"),
          Message.EMPTY_BLOCK.format(fieldName, block.getSimpleName()), List.of(Hint.DECLARE_BLOCK_LAYERS.format())));
      return null;
    }
    String prefix = valueOf(written, "name") instanceof String n && !n.isEmpty() ? n : fieldName;
    Set<String> names = new LinkedHashSet<>();
    blockFields.forEach(f -> names.add(f.getSimpleName().toString()));
    BlockBinding binding = new BlockBinding(integer(written, "out"), integer(written, "width"),
        integer(written, "s"), prefix, above, names);

    List<LayerModel> layers = new ArrayList<>();
    List<FieldSource> sources = new ArrayList<>();
    boolean javacErrors = false;
    for (int f = 0; f < blockFields.size(); f++) {
      VariableElement inner = blockFields.get(f);
      List<AnnotationMirror> ours = inner.getAnnotationMirrors().stream()
          .filter(NetworkParser::isFieldAnnotation).map(m -> (AnnotationMirror) m).toList();
      List<Op> ops = new ArrayList<>();
      List<Map<String, String>> fromUse = new ArrayList<>();
      for (AnnotationMirror mirror : ours) {
        String kind = NetworkParser.simpleNameIfOurs(mirror);
        if (kind.equals("Use")) {
          report.add(new Diagnostic(Message.NESTED_BLOCK, Site.annotation(index, 0, "value"),
              Message.NESTED_BLOCK.format(fieldName, block.getSimpleName(), inner.getSimpleName()),
              List.of(Hint.FLATTEN_BLOCKS.format())));
          return null;
        }
        Map<String, AnnotationValue> innerValues = values.apply(mirror);
        Op op = OpReader.read(kind, innerValues, binding);
        if (op == null) {
          javacErrors = true;
        } else {
          ops.add(op);
        }
        Map<String, String> attributes = new HashMap<>();
        innerValues.forEach((attribute, value) -> {
          String useAttribute = BlockBinding.useAttribute(value.getValue());
          if (useAttribute != null) {
            attributes.put(attribute, useAttribute);
          }
        });
        fromUse.add(attributes);
      }
      boolean last = f == blockFields.size() - 1;
      String description = describe(ours, binding);
      String name = prefix + "." + inner.getSimpleName();
      layers.add(new LayerModel(name, TensorNames.resolveBatchNorms(name, ops), description, lines.lineOf(field),
          last ? fieldName : null, tensorNames.of(ours, binding, name)));
      sources.add(new FieldSource(field, List.of(use), fromUse));
    }
    return new Expansion(layers, sources, javacErrors);
  }

  /** The block field's annotations as written, with the use's numbers in place of the block constants. */
  private static String describe(List<AnnotationMirror> annotations, BlockBinding binding) {
    String text = NetworkParser.describe(annotations);
    for (int constant : new int[] {BlockBinding.OUT, BlockBinding.WIDTH, BlockBinding.STRIDE}) {
      text = text.replace(String.valueOf(constant), String.valueOf(binding.integer(constant)));
    }
    return text.replace("\"" + BlockBinding.INPUT + "\"", "\"" + binding.layer(BlockBinding.INPUT) + "\"");
  }

  static boolean isBlock(Element type) {
    return type.getAnnotationMirrors().stream().anyMatch(m -> m.getAnnotationType().asElement() instanceof TypeElement t
        && t.getQualifiedName().contentEquals(BLOCK));
  }

  private static Object valueOf(Map<String, AnnotationValue> values, String name) {
    AnnotationValue value = values.get(name);
    return value == null ? null : value.getValue();
  }

  private static int integer(Map<String, AnnotationValue> values, String name) {
    return valueOf(values, name) instanceof Integer v ? v : 0;
  }
}
