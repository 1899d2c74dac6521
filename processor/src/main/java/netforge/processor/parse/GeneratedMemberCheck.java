package netforge.processor.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import netforge.processor.diag.Diagnostic;
import netforge.processor.diag.Message;
import netforge.processor.diag.Message.Hint;
import netforge.processor.diag.Report;
import netforge.processor.diag.Site;
import netforge.processor.parse.GeneratedNames.MethodSignature;

/**
 * The generated model extends the user's class, so a method the class declares or inherits with the signature
 * of a generated one would be overridden, hidden or clash (a static {@code summary()} against an instance one,
 * another return type): each such method is one error on it, before anything is generated.
 *
 * <p>Fields mostly cannot clash: a generated field hides a user field of the same name, and the generated code
 * fills layer fields through {@code super}; a field or nested type with the simple name of a type the generated
 * code uses makes the writers name that type in full ({@code java.util.List.of}). A field named like the first
 * part of such a full name ({@code java}, {@code javax}, {@code netforge}) would hide it in turn: that field is the
 * one error left.
 */
final class GeneratedMemberCheck {
  private final Elements elements;
  private final Types types;
  /** Computed once per network: every user method is compared against it. */
  private final Set<MethodSignature> generated;

  GeneratedMemberCheck(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
    this.generated = Set.copyOf(generatedSignatures());
  }

  void check(TypeElement type, Report report, MemberSites members) {
    String name = type.getSimpleName().toString();
    String model = GeneratedNames.modelSimpleName(type);
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (!inheritable(method) || !isGenerated(method)) {
        continue;
      }
      TypeElement owner = (TypeElement) method.getEnclosingElement();
      boolean own = owner.equals(type);
      String what = own ? name + " declares " + describe(method)
          : name + " inherits " + describe(method) + " from " + owner.getQualifiedName();
      Site site = own ? members.add(method) : Site.network();
      report.add(new Diagnostic(Message.MEMBER_CLASH, site, Message.MEMBER_CLASH.format(name, what, model),
          List.of(Hint.RENAME_CLASHING_METHOD.format(method.getSimpleName(), model, method.getSimpleName()))));
    }
  }

  /** The first parts of the full names the generated code may use for its types. */
  static final List<String> QUALIFIED_ROOTS = List.of("java", "javax", "netforge");

  void checkFields(TypeElement type, Report report, MemberSites members) {
    String model = GeneratedNames.modelSimpleName(type);
    for (TypeElement t = type; t != null; t = t.getSuperclass() instanceof DeclaredType d
        && d.asElement() instanceof TypeElement s ? s : null) {
      for (VariableElement field : ElementFilter.fieldsIn(t.getEnclosedElements())) {
        String name = field.getSimpleName().toString();
        if (!QUALIFIED_ROOTS.contains(name)) {
          continue;
        }
        boolean own = t.equals(type);
        String what = own ? "this field" : "the inherited field " + t.getQualifiedName() + "." + name;
        report.add(new Diagnostic(Message.HIDES_PACKAGE, own ? members.add(field) : Site.network(),
            Message.HIDES_PACKAGE.format(own ? name : type.getSimpleName(), what, name, model),
            List.of(Hint.RENAME_PACKAGE_FIELD.format(name))));
      }
    }
  }

  /** Whether {@code method} has the signature of a method the generated model declares or implements. */
  boolean isGenerated(ExecutableElement method) {
    return generated.contains(signature(method));
  }

  /** Whether a subclass sees the method: not private, not {@code Object}'s, not an interface's static one. */
  private static boolean inheritable(ExecutableElement method) {
    Element owner = method.getEnclosingElement();
    boolean objects = owner instanceof TypeElement t && t.getQualifiedName().contentEquals("java.lang.Object");
    boolean interfaceStatic = owner.getKind().isInterface() && method.getModifiers().contains(Modifier.STATIC);
    return !method.getModifiers().contains(Modifier.PRIVATE) && !objects && !interfaceStatic;
  }

  /** The model's own methods and, with the runtime on the class path, those of the {@code Model} it implements. */
  private List<MethodSignature> generatedSignatures() {
    TypeElement modelInterface = elements.getTypeElement(GeneratedNames.MODEL_INTERFACE);
    List<MethodSignature> all = new ArrayList<>(GeneratedNames.modelMethods(modelInterface != null));
    if (modelInterface != null) {
      for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(modelInterface))) {
        if (inheritable(method)) {
          all.add(signature(method));
        }
      }
    }
    return all;
  }

  private MethodSignature signature(ExecutableElement method) {
    List<String> parameters = new ArrayList<>();
    for (VariableElement parameter : method.getParameters()) {
      parameters.add(erasedName(parameter.asType()));
    }
    return new MethodSignature(method.getSimpleName().toString(), parameters);
  }

  /** {@code java.nio.file.Path}, {@code float[]}, {@code long}: a parameter type as signatures compare it. */
  private String erasedName(TypeMirror type) {
    TypeMirror erased = types.erasure(type);
    return erased instanceof DeclaredType declared
        ? ((TypeElement) declared.asElement()).getQualifiedName().toString() : erased.toString();
  }

  /** {@code forward(float[], int)}: the method as a reader recognises it. */
  String describe(ExecutableElement method) {
    StringJoiner parameters = new StringJoiner(", ", method.getSimpleName() + "(", ")");
    for (VariableElement parameter : method.getParameters()) {
      String type = erasedName(parameter.asType());
      parameters.add(type.substring(type.lastIndexOf('.') + 1));
    }
    return parameters.toString();
  }
}
