package netforge.processor.parse;

import java.util.List;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import netforge.processor.diag.Diagnostic;
import netforge.processor.diag.Message;
import netforge.processor.diag.Message.Hint;
import netforge.processor.diag.Report;
import netforge.processor.diag.Site;

/**
 * The generated {@code <Network>Model} extends the user's class and implements everything abstract in it, so the
 * class must be abstract, extendable from its package, non-generic, constructible without arguments, and leave
 * nothing abstract but what NetForge generates. One error, for the first cause found, each cause its own code.
 */
final class NetworkClassCheck {
  private final Elements elements;
  private final GeneratedMemberCheck generated;

  NetworkClassCheck(Elements elements, GeneratedMemberCheck generated) {
    this.elements = elements;
    this.generated = generated;
  }

  /** Adds at most one error; {@code members} receives the element it is reported on, if not the class. */
  void check(TypeElement type, Report report, MemberSites members) {
    String name = type.getSimpleName().toString();
    String model = GeneratedNames.modelSimpleName(type);
    String declareAbstract = Hint.DECLARE_ABSTRACT_CLASS.format(name);
    switch (type.getKind()) {
      case INTERFACE -> add(report, Message.NETWORK_ON_INTERFACE, declareAbstract, name, name);
      case ENUM -> add(report, Message.NETWORK_ON_ENUM, declareAbstract, name, name);
      case ANNOTATION_TYPE -> add(report, Message.NETWORK_ON_ANNOTATION_TYPE, declareAbstract, name, name);
      case CLASS -> checkClass(type, name, model, report, members);
      default -> {
        if (type.getKind().name().equals("RECORD")) {
          add(report, Message.NETWORK_ON_RECORD, declareAbstract, name, name);
        }
      }
    }
  }

  private void checkClass(TypeElement type, String name, String model, Report report, MemberSites members) {
    var modifiers = type.getModifiers();
    if (modifiers.contains(Modifier.FINAL)) {
      add(report, Message.FINAL_CLASS, Hint.REPLACE_FINAL.format(model),
          name, name);
    } else if (!modifiers.contains(Modifier.ABSTRACT)) {
      add(report, Message.NOT_ABSTRACT_CLASS, Hint.ADD_ABSTRACT.format(model),
          name, name);
    } else if (modifiers.contains(Modifier.SEALED)) {
      add(report, Message.SEALED_CLASS, Hint.REMOVE_SEALED.format(),
          name, model, name);
    } else if (modifiers.contains(Modifier.PRIVATE)) {
      add(report, Message.PRIVATE_CLASS, Hint.REMOVE_PRIVATE.format(), name, name, model);
    } else if (type.getNestingKind() == NestingKind.MEMBER && !modifiers.contains(Modifier.STATIC)) {
      // (Local and anonymous classes never reach a processor: javac does not list them as annotated elements.)
      add(report, Message.INNER_CLASS, Hint.ADD_STATIC.format(), name, name, model);
    } else if (!type.getTypeParameters().isEmpty()) {
      add(report, Message.GENERIC_CLASS, Hint.REMOVE_TYPE_PARAMETERS.format(), name, name);
    } else if (!hasUsableConstructor(type)) {
      add(report, Message.NO_USABLE_CONSTRUCTOR, Hint.ADD_CONSTRUCTOR.format(name), name, name);
    } else {
      checkAbstractMethods(type, name, report, members);
    }
  }

  /**
   * An abstract method the class declares or inherits and nothing implements. Methods the generated model
   * declares are {@link GeneratedMemberCheck}'s: they are reported there as clashes, not here.
   */
  private void checkAbstractMethods(TypeElement type, String name, Report report, MemberSites members) {
    List<ExecutableElement> all = ElementFilter.methodsIn(elements.getAllMembers(type));
    for (ExecutableElement method : all) {
      if (!method.getModifiers().contains(Modifier.ABSTRACT) || implemented(method, all, type)
          || generated.isGenerated(method)) {
        continue;
      }
      TypeElement owner = (TypeElement) method.getEnclosingElement();
      String signature = generated.describe(method);
      boolean own = owner.equals(type);
      String what = own ? name + " declares abstract method " + signature
          : name + " inherits abstract method " + signature + " from " + owner.getQualifiedName();
      String fix = own ? Hint.GIVE_METHOD_BODY.format(method.getSimpleName())
          : Hint.IMPLEMENT_METHOD.format(signature, name);
      Site site = own ? members.add(method) : Site.network();
      report.add(new Diagnostic(Message.ABSTRACT_METHOD, site, Message.ABSTRACT_METHOD.format(name, what),
          List.of(fix)));
      return;
    }
  }

  private boolean implemented(ExecutableElement abstractMethod, List<ExecutableElement> all, TypeElement type) {
    for (ExecutableElement candidate : all) {
      if (!candidate.getModifiers().contains(Modifier.ABSTRACT) && candidate != abstractMethod
          && candidate.getSimpleName().contentEquals(abstractMethod.getSimpleName())
          && elements.overrides(candidate, abstractMethod, type)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasUsableConstructor(TypeElement type) {
    return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
        .anyMatch(c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE));
  }

  private static void add(Report report, Message message, String fix, Object... args) {
    report.add(new Diagnostic(message, Site.network(), message.format(args), List.of(fix)));
  }

  /** Whether the class is one NetForge can read fields from: a class, not an interface, enum or record. */
  static boolean isClass(TypeElement type) {
    return type.getKind() == ElementKind.CLASS;
  }
}
