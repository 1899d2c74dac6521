package netforge.processor.diag;

/**
 * Where a diagnostic belongs, in model terms: the network (optionally one of its attributes, such as
 * {@code classes} or {@code input.height}), a layer field, or one annotation of a field (optionally one of its
 * attributes). The parse stage maps a site to javac's element, annotation mirror and value, so the caret lands
 * on the offending value.
 */
public record Site(Target target, int layer, int annotation, String attribute) {

  /** {@code MEMBER} is another element of the class, such as a method: {@code layer} indexes the parse's members. */
  public enum Target { NETWORK, FIELD, ANNOTATION, MEMBER }

  public static Site network() {
    return new Site(Target.NETWORK, -1, -1, null);
  }

  /** {@code attribute} is a name of {@code @Network} or {@code input.<name>} of its {@code @Input}. */
  public static Site network(String attribute) {
    return new Site(Target.NETWORK, -1, -1, attribute);
  }

  public static Site field(int layer) {
    return new Site(Target.FIELD, layer, -1, null);
  }

  /** A member of the network class that is not a layer (a method, a field of another type), by parse index. */
  public static Site member(int member) {
    return new Site(Target.MEMBER, member, -1, null);
  }

  public static Site annotation(int layer, int annotation) {
    return new Site(Target.ANNOTATION, layer, annotation, null);
  }

  public static Site annotation(int layer, int annotation, String attribute) {
    return new Site(Target.ANNOTATION, layer, annotation, attribute);
  }
}
