package netforge.processor.diag;

import java.util.Locale;
import javax.tools.Diagnostic.Kind;

/**
 * Every diagnostic the processor prints, in one place: a stable code ({@code [nn.ShapeMismatch]}), its kind, and
 * the one-sentence template of its first line. The first argument of every template is the subject: the layer
 * field or the network. Details (shape trace, fix) follow on indented lines.
 */
public enum Message {
  NOT_ABSTRACT_CLASS("NotAbstractClass", "%s: @Network must be on an abstract class, but %s"),
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
  TWO_LAYER_KINDS("TwoLayerKinds", "%s: one field carries two layers, @%s and @%s"),
  MISSING_LAYER_ANNOTATION("MissingLayerAnnotation", "%s: this Layer field has no layer annotation"),
  NOT_A_LAYER_FIELD("NotALayerField", "%s: @%s is on a field of type %s, but layer fields have type Layer"),
  INACCESSIBLE_FIELD("InaccessibleField", "%s: the layer field is %s, so the generated %s cannot fill it"),
  OUTSIDE_NETWORK("OutsideNetwork", "%s: @%s is on a field of %s, which is not annotated @Network"),
  NOTHING_TO_ATTACH("NothingToAttach", "%s: @%s has no layer before it to attach to"),
  WINDOW_DROPS_INPUT("WindowDropsInput", Kind.WARNING,
      "%s: %s on %s input never reads its last %s (PyTorch floors the output size too)"),
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
