package netforge.processor.parse;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/** Names of what the processor generates for a network: {@code AlexNetModel}, {@code Outer_InnerModel}. */
public final class GeneratedNames {
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
