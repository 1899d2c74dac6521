package netforge.processor.parse;

import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import netforge.processor.runtime.RuntimeTypes;

/**
 * Names of what the processor generates for a network: the types {@code AlexNetModel} and {@code AlexNetTrainer},
 * and the methods a model declares. The code writers take the method names from here, and
 * {@link GeneratedMemberCheck} refuses a user method with one of these signatures, so the two cannot drift apart.
 */
public final class GeneratedNames {
  /** The run-time interface a model implements when the runtime is on the class path. */
  public static final String MODEL_INTERFACE = RuntimeTypes.MODEL.canonicalName();
  static final String DEVICE = RuntimeTypes.DEVICE.canonicalName();
  static final String TUNABLES = RuntimeTypes.TUNABLES.canonicalName();

  public static final String SUMMARY = "summary";
  public static final String LAYERS = "layers";
  public static final String FILL_LAYER_FIELDS = "fillLayerFields";
  public static final String CREATE = "create";
  public static final String SPEC = "spec";
  public static final String ENGINE = "engine";
  public static final String CLOSE = "close";
  /** The model's {@code ModelType} constant, which tools read by this name (the runtime's {@code ModelType.FIELD}). */
  public static final String TYPE_FIELD = "TYPE";

  /** A method by name and erased parameter types, as overriding and hiding compare them. */
  public record MethodSignature(String name, List<String> parameterTypes) {
    public MethodSignature {
      parameterTypes = List.copyOf(parameterTypes);
    }
  }

  /** Methods the generated model itself declares (the runtime's {@code Model} adds its own on top). */
  static List<MethodSignature> modelMethods(boolean runtime) {
    List<MethodSignature> always = List.of(new MethodSignature(SUMMARY, List.of()),
        new MethodSignature(LAYERS, List.of()), new MethodSignature(FILL_LAYER_FIELDS, List.of()));
    if (!runtime) {
      return always;
    }
    return java.util.stream.Stream.concat(always.stream(), java.util.stream.Stream.of(
        new MethodSignature(CREATE, List.of(DEVICE, "long")),
        new MethodSignature(CREATE, List.of(DEVICE, "long", TUNABLES)),
        new MethodSignature(SPEC, List.of()), new MethodSignature(ENGINE, List.of()),
        new MethodSignature(CLOSE, List.of()))).toList();
  }

  private GeneratedNames() {}

  /** Simple name of the generated model: enclosing class names joined by '_', then {@code Model}. */
  public static String modelSimpleName(TypeElement type) {
    StringBuilder name = new StringBuilder(type.getSimpleName());
    Element outer = type.getEnclosingElement();
    while (outer != null && (outer.getKind().isClass() || outer.getKind().isInterface())) {
      name.insert(0, outer.getSimpleName() + "_");
      outer = outer.getEnclosingElement();
    }
    return name + "Model";
  }

  /** Simple name of the generated trainer. */
  public static String trainerSimpleName(TypeElement type) {
    String model = modelSimpleName(type);
    return model.substring(0, model.length() - "Model".length()) + "Trainer";
  }

  public static String packageName(TypeElement type) {
    Element e = type;
    while (e != null && e.getKind() != ElementKind.PACKAGE) {
      e = e.getEnclosingElement();
    }
    return e == null ? "" : ((PackageElement) e).getQualifiedName().toString();
  }
}
