package netforge.processor.diag;

import java.util.Locale;
import javax.tools.Diagnostic.Kind;

/**
 * Every diagnostic the processor prints, in one place: a stable code ({@code [nn.ShapeMismatch]}), its kind, and
 * the one-sentence template of its first line. The first argument of every template is the subject: the layer
 * field or the network. Details (shape trace, fix) follow on indented lines.
 */
public enum Message {
  NOT_ABSTRACT_CLASS("NotAbstractClass", "%s: @Network must be on an abstract class, but %s is not abstract"),
  FINAL_CLASS("FinalClass", "%s: @Network must be on an abstract class, but %s is final"),
  SEALED_CLASS("SealedClass", "%s: @Network must be on a class the generated %s can extend, but %s is sealed"),
  NETWORK_ON_INTERFACE("NetworkOnInterface", "%s: @Network must be on an abstract class, but %s is an interface"),
  NETWORK_ON_ENUM("NetworkOnEnum", "%s: @Network must be on an abstract class, but %s is an enum"),
  NETWORK_ON_RECORD("NetworkOnRecord", "%s: @Network must be on an abstract class, but %s is a record"),
  NETWORK_ON_ANNOTATION_TYPE("NetworkOnAnnotationType",
      "%s: @Network must be on an abstract class, but %s is an annotation type"),
  PRIVATE_CLASS("PrivateClass", "%s: %s is private, so the generated %s cannot extend it"),
  INNER_CLASS("InnerClass", "%s: %s is an inner (non-static) class, so the generated %s cannot extend it"),
  GENERIC_CLASS("GenericClass", "%s: %s is generic, but a network has no type parameters"),
  NO_USABLE_CONSTRUCTOR("NoUsableConstructor", "%s: %s has no non-private constructor without parameters"),
  ABSTRACT_METHOD("AbstractMethod", "%s: %s, which NetForge cannot implement"),
  GENERATED_NAME_TAKEN("GeneratedNameTaken", "%s: NetForge generates %s for this network, but %s already exists"),
  MEMBER_CLASH("MemberClash", "%s: %s, which the generated %s also declares"),
  HIDES_PACKAGE("HidesPackage", "%s: %s hides the package %s, through which the generated %s names its types"),
  HIDDEN_LAYER("HiddenLayer", "%s: this layer field hides the layer %s inherited from %s"),
  NETWORK_FIELD("NetworkField", "%s: a field of network type %s does not add that network's layers"),
  IGNORED_FIELD("IgnoredField", Kind.WARNING, "%s: this field of type %s is not a layer, and NetForge ignores it"),
  NO_LAYERS("NoLayers", "%s: a @Network needs at least one Layer field (found 0)"),
  NON_POSITIVE_PARAMETER("NonPositiveParameter", "%s: %s must be at least %d"),
  NEGATIVE_PADDING("NegativePadding", "%s: %s must not be negative"),
  PADDING_TOO_LARGE("PaddingTooLarge", "%s: %s must be %s"),
  KERNEL_SIZE("KernelSize", "%s: @Conv needs either k or both kh and kw, but %s"),
  DROPOUT_RANGE("DropoutRange", "%s: @Dropout(%s) is not a probability in [0, 1)"),
  LRN_PARAMETER("LrnParameter", "%s: @LRN(%s = %s) must be %s"),
  NON_POSITIVE_OUTPUT("NonPositiveOutput", "%s: %s on %s input gives %s"),
  NEEDS_SPATIAL_INPUT("NeedsSpatialInput", "%s: %s needs a [channels, height, width] input, but gets the vector %s"),
  SHAPE_MISMATCH("ShapeMismatch", "%s: @Dense(in = %d) does not match its input of %d features"),
  CLASSES_MISMATCH("ClassesMismatch", "%s: the network ends with %s, but @Network(classes = %d) needs [%d]"),
  TOO_LARGE("TooLarge", "%s: %s would have %,d elements, more than NetForge's limit of %,d per tensor"),
  TOO_MANY_PARAMETERS("TooLarge", "%s: with this layer the network would have %,d parameters, more than NetForge's"
      + " limit of %,d in total"),
  TWO_LAYER_KINDS("TwoLayerKinds", "%s: one field carries two layers, @%s and @%s"),
  MISSING_LAYER_ANNOTATION("MissingLayerAnnotation", "%s: this Layer field has no layer annotation"),
  NOT_A_LAYER_FIELD("NotALayerField", "%s: @%s is on a field of type %s, but layer fields have type %s"),
  INACCESSIBLE_FIELD("InaccessibleField", "%s: the layer field is %s, so the generated %s cannot fill it"),
  OUTSIDE_NETWORK("OutsideNetwork", "%s: @%s is on a field of %s, which is not annotated @Network"),
  NOTHING_TO_ATTACH("NothingToAttach", "%s: @%s has no layer before it to attach to"),
  WINDOW_DROPS_INPUT("WindowDropsInput", Kind.WARNING,
      "%s: %s on %s input never reads %s"),
  INTERNAL("Internal", "%s: internal error in the NetForge processor: %s"),
  SUMMARY("Summary", Kind.NOTE, "%s");

  private final String code;
  private final Kind kind;
  private final String template;

  Message(String code, String template) {
    this(code, Kind.ERROR, template);
  }

  Message(String code, Kind kind, String template) {
    this.code = code;
    this.kind = kind;
    this.template = template;
  }

  /** {@code nn.ShapeMismatch}. */
  public String code() {
    return "nn." + code;
  }

  public Kind kind() {
    return kind;
  }

  /** The first line: {@code [nn.Code] } followed by the template filled with {@code args}. */
  public String format(Object... args) {
    return "[" + code() + "] " + String.format(Locale.ROOT, template, args);
  }
}
