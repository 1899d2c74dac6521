package netforge.processor.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import netforge.processor.diag.Diagnostic;
import netforge.processor.diag.Message;
import netforge.processor.diag.Message.Hint;
import netforge.processor.diag.Report;
import netforge.processor.diag.Site;
import netforge.processor.model.LayerModel;
import netforge.processor.model.NetworkModel;
import netforge.processor.model.Op;
import netforge.processor.model.TensorNames;

/**
 * Reads a {@code @Network} class into a {@link NetworkModel}, checking what only javac can see: the kind of
 * the class, the fields' types and modifiers, and which annotations share a field.
 */
public final class NetworkParser {
  public static final String PACKAGE = "netforge.annotations";
  public static final String NETWORK = PACKAGE + ".Network";
  public static final String LAYER_TYPE = PACKAGE + ".Layer";

  /** Annotations that make a field a layer; at most one per field. */
  static final Set<String> LAYER_KINDS = Set.of("Conv", "Dense", "MaxPool", "AvgPool", "AdaptiveAvgPool", "LRN",
      "Flatten", "Add", "Concat");
  /** Annotations that name where a field's input comes from instead of the field above; at most one per field. */
  static final Set<String> SOURCES = Set.of("From", "Add", "Concat");
  /** Places a block's layers: the only annotation on its field. */
  static final String USE = "Use";
  /** Annotations that fuse into the layer before them; any number per field. */
  static final Set<String> ELEMENTWISE = Set.of("ReLU", "LeakyReLU", "Tanh", "Sigmoid", "GELU", "SiLU", "Dropout");
  /**
   * A normalisation: a layer of its own, or beside the field's layer (once: javac refuses a repeated annotation).
   */
  static final String BATCH_NORM = "BatchNorm";
  /** Why a superclass's package-private layer field cannot be filled by the generated model. */
  private static final String OTHER_PACKAGE = "package-private in another package";

  private final ProcessingEnvironment env;
  private final SourceLines lines;

  public NetworkParser(ProcessingEnvironment env) {
    this.env = env;
    this.lines = new SourceLines(env);
  }

  /** Whether {@code mirror} is one of the DSL's per-field annotations. */
  public static boolean isFieldAnnotation(AnnotationMirror mirror) {
    String name = simpleNameIfOurs(mirror);
    return name != null && (LAYER_KINDS.contains(name) || ELEMENTWISE.contains(name) || SOURCES.contains(name)
        || name.equals(USE) || name.equals(BATCH_NORM));
  }

  public ParsedNetwork parse(TypeElement type) {
    Report report = new Report();
    AnnotationMirror network = findNetworkMirror(type);
    List<FieldSource> fields = new ArrayList<>();
    MemberSites members = new MemberSites();
    GeneratedMemberCheck generated = new GeneratedMemberCheck(env.getElementUtils(), env.getTypeUtils());
    new NetworkClassCheck(env.getElementUtils(), generated).check(type, report, members);
    if (!NetworkClassCheck.isClass(type)) {
      // An interface's or a record's fields are implicitly static or final: reporting each of them too would
      // only repeat that this is not a class.
      return new ParsedNetwork(null, new SourceMap(type, network, fields, members), report, network == null);
    }
    generated.check(type, report, members);
    generated.checkFields(type, report, members);
    TypeMirror layerType = env.getElementUtils().getTypeElement(LAYER_TYPE).asType();
    BlockExpander blocks = new BlockExpander(env.getTypeUtils(), layerType, lines, this::values, this::tensorNames);

    boolean javacErrors = network == null;
    boolean complete = true;
    List<LayerModel> layers = new ArrayList<>();
    Map<String, VariableElement> layerNames = new HashMap<>();
    for (VariableElement field : candidateFields(type, layerType)) {
      boolean own = field.getEnclosingElement().equals(type);
      List<AnnotationMirror> ours = field.getAnnotationMirrors().stream()
          .filter(NetworkParser::isFieldAnnotation).map(m -> (AnnotationMirror) m).toList();
      TypeMirror fieldType = field.asType();
      if (fieldType.getKind() == TypeKind.ERROR) {
        javacErrors = true; // javac reports the unknown type itself
        continue;
      }
      boolean isLayerType = env.getTypeUtils().isSameType(fieldType, layerType);
      if (!isLayerType) {
        if (!ours.isEmpty()) {
          int index = fields.size();
          fields.add(new FieldSource(field, ours));
          report.add(notALayerField(field, ours.get(0), fieldType, index));
          complete = false;
        } else if (own) {
          reportNonLayerField(field, report, members);
        }
        continue;
      }
      if (field.getModifiers().contains(Modifier.STATIC) && ours.isEmpty()) {
        continue; // a static Layer constant is not a layer of this network
      }
      int index = fields.size();
      fields.add(new FieldSource(field, ours));
      String name = field.getSimpleName().toString();
      VariableElement hidden = layerNames.put(name, field);
      if (hidden != null) {
        String owner = ((TypeElement) hidden.getEnclosingElement()).getQualifiedName().toString();
        report.add(new Diagnostic(Message.HIDDEN_LAYER, Site.field(index),
            Message.HIDDEN_LAYER.format(name, name, owner),
            List.of(Hint.RENAME_HIDING_LAYER.format())));
        complete = false;
      }
      String blocked = blockingModifier(field, type);
      if (blocked != null) {
        report.add(new Diagnostic(Message.INACCESSIBLE_FIELD, Site.field(index),
            Message.INACCESSIBLE_FIELD.format(name, blocked, GeneratedNames.modelSimpleName(type)),
            List.of(blocked.equals(OTHER_PACKAGE) ? Hint.MAKE_PROTECTED.format()
                : blocked.equals("private") ? Hint.REMOVE_PRIVATE_FIELD.format() : Hint.REMOVE_MODIFIER.format(blocked))));
      }
      if (ours.isEmpty()) {
        report.add(new Diagnostic(Message.MISSING_LAYER_ANNOTATION, Site.field(index),
            Message.MISSING_LAYER_ANNOTATION.format(name),
            List.of(Hint.ANNOTATE_LAYER.format())));
        complete = false;
        continue;
      }
      int useAt = indexOf(ours, USE);
      if (useAt >= 0 && ours.size() > 1) {
        int other = useAt == 0 ? 1 : 0;
        report.add(new Diagnostic(Message.USE_ALONE, Site.annotation(index, other),
            Message.USE_ALONE.format(name, simpleNameIfOurs(ours.get(other))), List.of(Hint.USE_OWN_FIELD.format())));
        complete = false;
        continue;
      } else if (useAt >= 0) {
        String above = layers.isEmpty() ? null : layers.get(layers.size() - 1).name();
        BlockExpander.Expansion use = blocks.expand(field, ours.get(0), index, above, report);
        if (use == null) {
          complete = false;
        } else if (use.layers().isEmpty() || use.javacErrors()) {
          javacErrors = true;
        } else {
          fields.remove(index);
          fields.addAll(use.sources());
          layers.addAll(use.layers());
        }
        continue;
      }
      String firstKind = null;
      String firstSource = null;
      List<Op> ops = new ArrayList<>();
      for (int i = 0; i < ours.size(); i++) {
        String kind = simpleNameIfOurs(ours.get(i));
        boolean secondLayer = LAYER_KINDS.contains(kind) && firstKind != null;
        if (secondLayer) {
          report.add(new Diagnostic(Message.TWO_LAYER_KINDS, Site.annotation(index, i),
              Message.TWO_LAYER_KINDS.format(name, firstKind, kind),
              List.of(Hint.ONE_LAYER_PER_FIELD.format(kind))));
          complete = false;
        } else if (SOURCES.contains(kind) && firstSource != null) {
          report.add(new Diagnostic(Message.TWO_SOURCES, Site.annotation(index, i),
              Message.TWO_SOURCES.format(name, firstSource, kind), List.of(Hint.ONE_SOURCE.format())));
          complete = false;
        } else if (SOURCES.contains(kind) && i > 0) {
          report.add(new Diagnostic(Message.SOURCE_NOT_FIRST, Site.annotation(index, i),
              Message.SOURCE_NOT_FIRST.format(name, kind, simpleNameIfOurs(ours.get(0))),
              List.of(Hint.SOURCE_FIRST.format(kind))));
          complete = false;
        }
        if (LAYER_KINDS.contains(kind) && firstKind == null) {
          firstKind = kind;
        }
        if (SOURCES.contains(kind) && firstSource == null) {
          firstSource = kind;
        }
        Op op = OpReader.read(kind, values(ours.get(i)));
        if (op == null) {
          javacErrors = true;
        } else {
          ops.add(op);
        }
      }
      layers.add(new LayerModel(name, TensorNames.resolveBatchNorms(name, ops), describe(ours), lines.lineOf(field),
          name, tensorNames(ours, BlockBinding.NONE, name)));
    }

    NetworkModel model = null;
    if (network != null && complete) {
      Map<String, AnnotationValue> values = values(network);
      Object input = valueOf(values.get("input"));
      Object classes = valueOf(values.get("classes"));
      if (input instanceof AnnotationMirror inputMirror && classes instanceof Integer c) {
        Map<String, AnnotationValue> dims = values(inputMirror);
        Object channels = valueOf(dims.get("channels"));
        Object height = valueOf(dims.get("height"));
        Object width = valueOf(dims.get("width"));
        if (channels instanceof Integer ch && height instanceof Integer h && width instanceof Integer w) {
          model = new NetworkModel(type.getSimpleName().toString(), ch, h, w, c, layers);
        } else {
          javacErrors = true;
        }
      } else {
        javacErrors = true;
      }
    }
    return new ParsedNetwork(model, new SourceMap(type, network, fields, members), report, javacErrors);
  }

  /**
   * The fields that can be layers, in the order they run: the layer fields of every {@code @Network}
   * superclass, the topmost first, then all of the class's own fields. A subclass network extends its
   * superclass's layers.
   */
  private List<VariableElement> candidateFields(TypeElement type, TypeMirror layerType) {
    List<TypeElement> networks = new ArrayList<>();
    for (TypeElement superclass = superclassOf(type); superclass != null; superclass = superclassOf(superclass)) {
      if (findNetworkMirror(superclass) != null) {
        networks.add(0, superclass);
      }
    }
    List<VariableElement> fields = new ArrayList<>();
    for (TypeElement superclass : networks) {
      for (VariableElement field : ElementFilter.fieldsIn(superclass.getEnclosedElements())) {
        boolean annotated = field.getAnnotationMirrors().stream().anyMatch(NetworkParser::isFieldAnnotation);
        boolean layer = field.asType().getKind() != TypeKind.ERROR
            && env.getTypeUtils().isSameType(field.asType(), layerType);
        if (annotated || (layer && !field.getModifiers().contains(Modifier.STATIC))) {
          fields.add(field);
        }
      }
    }
    fields.addAll(ElementFilter.fieldsIn(type.getEnclosedElements()));
    return fields;
  }

  private static TypeElement superclassOf(TypeElement type) {
    return type.getSuperclass() instanceof DeclaredType declared && declared.asElement() instanceof TypeElement t
        && !t.getQualifiedName().contentEquals("java.lang.Object") ? t : null;
  }

  /**
   * A field with a DSL annotation but another type. When the user's type is also called {@code Layer} (their own
   * class shadowing ours), both are named in full, or the message would read "type Layer, but ... type Layer".
   */
  private static Diagnostic notALayerField(VariableElement field, AnnotationMirror first, TypeMirror fieldType,
      int index) {
    String theirs = fieldType.toString();
    String expected = "Layer";
    String fix = Hint.DECLARE_LAYER_TYPE.format(field.getSimpleName());
    if (fieldType instanceof DeclaredType declared && declared.asElement().getSimpleName().contentEquals("Layer")) {
      theirs = ((TypeElement) declared.asElement()).getQualifiedName().toString();
      expected = LAYER_TYPE;
      fix = Hint.USE_OUR_LAYER_TYPE.format(LAYER_TYPE, theirs);
    }
    return new Diagnostic(Message.NOT_A_LAYER_FIELD, Site.annotation(index, 0),
        Message.NOT_A_LAYER_FIELD.format(field.getSimpleName(), simpleNameIfOurs(first), theirs, expected),
        List.of(fix));
  }

  /**
   * A field of the network that is not a layer does nothing for the network. A field of another network's type
   * is a user trying to reuse that network's layers: an error with the way that works. Any other instance field
   * gets a warning, unless it says it is there on purpose: {@code transient}, or
   * {@code @SuppressWarnings("nn.IgnoredField")} (which ECJ itself flags as a token it does not know); static
   * fields are constants and stay silent.
   */
  private static void reportNonLayerField(VariableElement field, Report report, MemberSites members) {
    String name = field.getSimpleName().toString();
    if (field.asType() instanceof DeclaredType declared && declared.asElement() instanceof TypeElement other
        && findNetworkMirror(other) != null) {
      String owner = field.getEnclosingElement().getSimpleName().toString();
      report.add(new Diagnostic(Message.NETWORK_FIELD, members.add(field),
          Message.NETWORK_FIELD.format(name, other.getSimpleName()),
          List.of(Hint.EXTEND_NETWORK.format(owner, other.getSimpleName()))));
      return;
    }
    if (field.getModifiers().contains(Modifier.STATIC) || field.getModifiers().contains(Modifier.TRANSIENT)
        || suppresses(field, Message.IGNORED_FIELD.code())) {
      return;
    }
    report.add(new Diagnostic(Message.IGNORED_FIELD, members.add(field),
        Message.IGNORED_FIELD.format(name, field.asType()),
        List.of(Hint.MARK_IGNORED_FIELD.format(name, Message.IGNORED_FIELD.code()))));
  }

  private static boolean suppresses(Element element, String code) {
    SuppressWarnings suppressed = element.getAnnotation(SuppressWarnings.class);
    return suppressed != null && List.of(suppressed.value()).contains(code);
  }

  /** What keeps the generated subclass from assigning the field, or {@code null}. */
  private static String blockingModifier(VariableElement field, TypeElement network) {
    for (Modifier m : List.of(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)) {
      if (field.getModifiers().contains(m)) {
        return m.toString();
      }
    }
    boolean visibleElsewhere = field.getModifiers().contains(Modifier.PUBLIC)
        || field.getModifiers().contains(Modifier.PROTECTED);
    if (!visibleElsewhere && !GeneratedNames.packageName((TypeElement) field.getEnclosingElement())
        .equals(GeneratedNames.packageName(network))) {
      return OTHER_PACKAGE;
    }
    return null;
  }

  private static AnnotationMirror findNetworkMirror(TypeElement type) {
    for (AnnotationMirror m : type.getAnnotationMirrors()) {
      Element e = m.getAnnotationType().asElement();
      if (e instanceof TypeElement t && t.getQualifiedName().contentEquals(NETWORK)) {
        return m;
      }
    }
    return null;
  }

  /** The name a field's convolution or dense layer gives its tensors: its {@code name}, else {@code layer}. */
  String tensorNames(List<AnnotationMirror> annotations, BlockBinding binding, String layer) {
    for (AnnotationMirror mirror : annotations) {
      String given = OpReader.tensorNameOf(simpleNameIfOurs(mirror), values(mirror), binding);
      if (!given.isEmpty()) {
        return given;
      }
    }
    return layer;
  }

  /** Whether {@code type} is a {@code @Block}, whose layer fields belong to the networks that use it. */
  public static boolean isBlock(Element type) {
    return BlockExpander.isBlock(type);
  }

  private static int indexOf(List<AnnotationMirror> annotations, String kind) {
    for (int i = 0; i < annotations.size(); i++) {
      if (kind.equals(simpleNameIfOurs(annotations.get(i)))) {
        return i;
      }
    }
    return -1;
  }

  static String simpleNameIfOurs(AnnotationMirror mirror) {
    Element e = mirror.getAnnotationType().asElement();
    if (e instanceof TypeElement t && t.getQualifiedName().toString().startsWith(PACKAGE + ".")) {
      return t.getSimpleName().toString();
    }
    return null;
  }

  /**
   * All values of an annotation, defaults included, by attribute name; none where the compiler cannot give them:
   * ECJ throws (its {@code ShouldNotImplement}) for a constant of the wrong type, {@code @Dropout("half")}, which it
   * reports itself, so the values count as missing, like the ones javac could not evaluate.
   */
  private Map<String, AnnotationValue> values(AnnotationMirror mirror) {
    Map<String, AnnotationValue> byName = new java.util.HashMap<>();
    try {
      env.getElementUtils().getElementValuesWithDefaults(mirror)
          .forEach((k, v) -> byName.put(k.getSimpleName().toString(), v));
    } catch (RuntimeException compilerCannotConvert) {
      return Map.of();
    }
    return byName;
  }

  private static Object valueOf(AnnotationValue value) {
    return value == null ? null : value.getValue();
  }

  /** {@code @Conv(out = 96, k = 11, s = 4) @ReLU}: the annotations with the values the user wrote. */
  static String describe(List<AnnotationMirror> annotations) {
    StringJoiner all = new StringJoiner(" ");
    for (AnnotationMirror mirror : annotations) {
      StringBuilder text = new StringBuilder("@").append(simpleNameIfOurs(mirror));
      Map<? extends ExecutableElement, ? extends AnnotationValue> written;
      try {
        written = mirror.getElementValues();
      } catch (RuntimeException compilerCannotConvert) { // ECJ, on a constant of the wrong type: see values()
        all.add(text.append("(...)"));
        continue;
      }
      if (!written.isEmpty()) {
        StringJoiner args = new StringJoiner(", ", "(", ")");
        written.forEach((k, v) -> {
          String name = k.getSimpleName().toString();
          args.add(name.equals("value") && written.size() == 1 ? v.toString() : name + " = " + v);
        });
        text.append(args);
      }
      all.add(text);
    }
    return all.toString();
  }
}
