package netforge.processor.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import netforge.processor.diag.Diagnostic;
import netforge.processor.diag.Message;
import netforge.processor.diag.Report;
import netforge.processor.diag.Site;
import netforge.processor.model.LayerModel;
import netforge.processor.model.NetworkModel;
import netforge.processor.model.Op;

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
      "Flatten");
  /** Annotations that fuse into the layer before them; any number per field. */
  static final Set<String> ELEMENTWISE = Set.of("ReLU", "Dropout");

  private final ProcessingEnvironment env;
  private final SourceLines lines;

  public NetworkParser(ProcessingEnvironment env) {
    this.env = env;
    this.lines = new SourceLines(env);
  }

  /** Whether {@code mirror} is one of the DSL's per-field annotations. */
  public static boolean isFieldAnnotation(AnnotationMirror mirror) {
    String name = simpleNameIfOurs(mirror);
    return name != null && (LAYER_KINDS.contains(name) || ELEMENTWISE.contains(name));
  }

  public ParsedNetwork parse(TypeElement type) {
    Report report = new Report();
    AnnotationMirror network = findNetworkMirror(type);
    List<FieldSource> fields = new ArrayList<>();
    checkClass(type, report);
    if (type.getKind() != ElementKind.CLASS) {
      // An interface's or a record's fields are implicitly static or final: reporting each of them too would
      // only repeat that this is not a class.
      return new ParsedNetwork(null, new SourceMap(type, network, fields), report, network == null);
    }
    TypeMirror layerType = env.getElementUtils().getTypeElement(LAYER_TYPE).asType();

    boolean javacErrors = network == null;
    boolean complete = true;
    List<LayerModel> layers = new ArrayList<>();
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
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
          report.add(new Diagnostic(Message.NOT_A_LAYER_FIELD, Site.annotation(index, 0),
              Message.NOT_A_LAYER_FIELD.format(field.getSimpleName(), simpleNameIfOurs(ours.get(0)), fieldType),
              List.of("fix: declare it as 'Layer " + field.getSimpleName() + ";'")));
          complete = false;
        }
        continue;
      }
      if (field.getModifiers().contains(Modifier.STATIC) && ours.isEmpty()) {
        continue; // a static Layer constant is not a layer of this network
      }
      int index = fields.size();
      fields.add(new FieldSource(field, ours));
      String name = field.getSimpleName().toString();
      String blocked = blockingModifier(field);
      if (blocked != null) {
        report.add(new Diagnostic(Message.INACCESSIBLE_FIELD, Site.field(index),
            Message.INACCESSIBLE_FIELD.format(name, blocked, GeneratedNames.modelSimpleName(type)),
            List.of("fix: remove '" + blocked + "'"
                + (blocked.equals("private") ? "; package-private is enough" : ""))));
      }
      if (ours.isEmpty()) {
        report.add(new Diagnostic(Message.MISSING_LAYER_ANNOTATION, Site.field(index),
            Message.MISSING_LAYER_ANNOTATION.format(name),
            List.of("fix: annotate it with its layer, e.g. @Conv(out = 64, k = 3) or @Dense(out = 10), or remove it")));
        complete = false;
        continue;
      }
      String firstKind = null;
      List<Op> ops = new ArrayList<>();
      for (int i = 0; i < ours.size(); i++) {
        String kind = simpleNameIfOurs(ours.get(i));
        if (LAYER_KINDS.contains(kind)) {
          if (firstKind != null) {
            report.add(new Diagnostic(Message.TWO_LAYER_KINDS, Site.annotation(index, i),
                Message.TWO_LAYER_KINDS.format(name, firstKind, kind),
                List.of("fix: move @" + kind + " to a field of its own; each field is one layer")));
            complete = false;
          }
          firstKind = firstKind == null ? kind : firstKind;
        }
        Op op = OpReader.read(kind, values(ours.get(i)));
        if (op == null) {
          javacErrors = true;
        } else {
          ops.add(op);
        }
      }
      layers.add(new LayerModel(name, ops, describe(ours), lines.lineOf(field)));
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
    return new ParsedNetwork(model, new SourceMap(type, network, fields), report, javacErrors);
  }

  /** The generated subclass needs an abstract, visible, non-generic class it can extend and fully implement. */
  private void checkClass(TypeElement type, Report report) {
    String name = type.getSimpleName().toString();
    String problem = null;
    String fix = "fix: declare it as 'abstract class " + name + " { ... }'";
    if (type.getKind() != ElementKind.CLASS) {
      problem = name + " is " + kindName(type.getKind());
    } else if (!type.getModifiers().contains(Modifier.ABSTRACT)) {
      problem = name + " is not abstract";
      fix = "fix: add 'abstract': the generated " + GeneratedNames.modelSimpleName(type) + " extends it";
    } else if (type.getModifiers().contains(Modifier.PRIVATE)) {
      problem = name + " is private, so the generated class cannot extend it";
      fix = "fix: remove 'private'";
    } else if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
      problem = name + " is an inner (non-static) class";
      fix = "fix: add 'static', or move it to its own file";
    } else if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
      problem = name + " is a local class";
      fix = "fix: move it to its own file or make it a static member class";
    } else if (!type.getTypeParameters().isEmpty()) {
      problem = name + " is generic";
      fix = "fix: remove the type parameters";
    } else if (!hasUsableConstructor(type)) {
      problem = name + " has no non-private constructor without parameters";
      fix = "fix: add '" + name + "() {}'";
    } else {
      for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
        if (method.getModifiers().contains(Modifier.ABSTRACT)) {
          problem = name + " declares abstract method " + method.getSimpleName() + "(), which NetForge cannot implement";
          fix = "fix: give " + method.getSimpleName() + "() a body, or remove it";
          break;
        }
      }
    }
    if (problem != null) {
      report.add(new Diagnostic(Message.NOT_ABSTRACT_CLASS, Site.network(),
          Message.NOT_ABSTRACT_CLASS.format(name, problem), List.of(fix)));
    }
  }

  private static String kindName(ElementKind kind) {
    return switch (kind) {
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      case ANNOTATION_TYPE -> "an annotation type";
      default -> kind.name().equals("RECORD") ? "a record" : "a " + kind.name().toLowerCase();
    };
  }

  private static boolean hasUsableConstructor(TypeElement type) {
    List<ExecutableElement> constructors = ElementFilter.constructorsIn(type.getEnclosedElements());
    return constructors.stream().anyMatch(c -> c.getParameters().isEmpty()
        && !c.getModifiers().contains(Modifier.PRIVATE));
  }

  private static String blockingModifier(VariableElement field) {
    for (Modifier m : List.of(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)) {
      if (field.getModifiers().contains(m)) {
        return m.toString();
      }
    }
    return null;
  }

  private AnnotationMirror findNetworkMirror(TypeElement type) {
    for (AnnotationMirror m : type.getAnnotationMirrors()) {
      Element e = m.getAnnotationType().asElement();
      if (e instanceof TypeElement t && t.getQualifiedName().contentEquals(NETWORK)) {
        return m;
      }
    }
    return null;
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
