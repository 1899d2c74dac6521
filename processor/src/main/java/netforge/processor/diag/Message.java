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
  PADDING_GIVEN_TWICE("PaddingGivenTwice", "%s: %s gives the padding twice, but p pads both axes and ph, pw one each"),
  GROUPS_INDIVISIBLE("GroupsIndivisible", "%s: @Conv(groups = %d) must divide both the input channels, %d, and"
      + " out = %d"),
  KERNEL_SIZE("KernelSize", "%s: @Conv needs either k or both kh and kw, but %s"),
  DROPOUT_RANGE("DropoutRange", "%s: @Dropout(%s) is not a probability in [0, 1)"),
  LRN_PARAMETER("LrnParameter", "%s: @LRN(%s = %s) must be %s"),
  LEAKY_RELU_SLOPE("LeakyReluSlope", "%s: @LeakyReLU(slope = %s) must be a finite number"),
  BATCH_NORM_PARAMETER("BatchNormParameter", "%s: @BatchNorm(%s = %s) must be %s"),
  BATCH_NORM_NAME("BatchNormName", "%s: @BatchNorm(name = \"%s\") %s"),
  TENSOR_NAME("TensorName", "%s: @%s(name = \"%s\") %s"),
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
  SOURCE_NOT_FIRST("SourceNotFirst", "%s: @%s names this field's input, so it comes first, before @%s"),
  TWO_SOURCES("TwoSources", "%s: one field names its input twice, with @%s and @%s"),
  UNKNOWN_LAYER("UnknownLayer", "%s: @%s names \"%s\", but %s has no layer field of that name"),
  LATER_LAYER("LaterLayer", "%s: @%s names \"%s\", declared below this field, so its output does not exist yet here"),
  SELF_SOURCE("LaterLayer", "%s: @%s names this field itself, but a layer cannot read its own output"),
  JOIN_ARITY("JoinArity", "%s: @%s needs at least two layers, but names %d"),
  ADD_SHAPE_MISMATCH("AddShapeMismatch", "%s: @Add of \"%s\" %s and \"%s\" %s, whose shapes differ"),
  CONCAT_SHAPE_MISMATCH("ConcatShapeMismatch", "%s: @Concat of \"%s\" %s and \"%s\" %s, %s"),
  USE_ALONE("UseAlone", "%s: @Use places a block, so it is the only annotation on its field, but @%s is here too"),
  NOT_A_BLOCK("NotABlock", "%s: @Use names %s, which is not annotated @Block"),
  EMPTY_BLOCK("EmptyBlock", "%s: the block %s has no layer fields"),
  NESTED_BLOCK("NestedBlock", "%s: the block %s uses another block in %s, but blocks do not nest"),
  UNUSED_LAYER("UnusedLayer", Kind.WARNING, "%s: nothing reads this layer's output, and only the last layer's leaves"
      + " the network"),
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

  /**
   * The lines under a first line, each a template: a fix ({@code fix: ...}; every diagnostic has one) or an
   * explanation. They live here, beside the first lines, so that the whole text of every diagnostic can be reviewed
   * in one place; the checks only choose a hint and fill in its numbers.
   */
  public enum Hint {
    // every shape error
    SHAPE_TRACE_HEADING("input shape flows from:"),
    BRANCH_TRACE_HEADING("\"%s\" branch:"),
    INPUT_TRACE_HEADING("the network's input:"),
    // an internal failure
    REPORT_INTERNAL("please report this with the network's source; the other networks were still processed"),
    // the class
    DECLARE_ABSTRACT_CLASS("fix: declare it as 'abstract class %s { ... }'"),
    REPLACE_FINAL("fix: replace 'final' with 'abstract': the generated %s extends it"),
    ADD_ABSTRACT("fix: add 'abstract': the generated %s extends it"),
    REMOVE_SEALED("fix: remove 'sealed' and its 'permits' clause, or use 'non-sealed'"),
    REMOVE_PRIVATE("fix: remove 'private'"),
    ADD_STATIC("fix: add 'static', or move it to its own file"),
    REMOVE_TYPE_PARAMETERS("fix: remove the type parameters"),
    ADD_CONSTRUCTOR("fix: add '%s() {}'"),
    GIVE_METHOD_BODY("fix: give %s() a body, or remove it"),
    IMPLEMENT_METHOD("fix: implement %s in %s"),
    // clashes with what is generated
    RENAME_CLASHING_METHOD("fix: rename %s(); %s.%s() is part of every generated model"),
    RENAME_PACKAGE_FIELD("fix: rename the field; NetForge's generated code names %s.* types in full"),
    RENAME_TAKEN_TYPE("fix: rename %s or the class %s; NetForge names what it generates after the network"),
    // fields
    RENAME_HIDING_LAYER("fix: rename this field; a subclass adds its layers after the inherited ones, and two layers"
        + " need two names"),
    MAKE_PROTECTED("fix: make it protected"),
    REMOVE_MODIFIER("fix: remove '%s'"),
    REMOVE_PRIVATE_FIELD("fix: remove 'private'; package-private is enough"),
    ANNOTATE_LAYER("fix: annotate it with its layer, e.g. @Conv(out = 64, k = 3) or @Dense(out = 10), or remove it"),
    ONE_LAYER_PER_FIELD("fix: move @%s to a field of its own; each field is one layer"),
    DECLARE_LAYER_TYPE("fix: declare it as 'Layer %s;'"),
    USE_OUR_LAYER_TYPE("fix: use %s: import it, or rename your own class %s"),
    EXTEND_NETWORK("fix: to reuse its layers, extend it ('abstract class %s extends %s'): its layers then come first;"
        + " or copy its layer fields"),
    MARK_IGNORED_FIELD("fix: make it a layer ('@Dense(out = 10) Layer %s;'), make it static if it is a constant, or"
        + " mark it 'transient' (or @SuppressWarnings(\"%s\")) if it is there on purpose"),
    DECLARE_LAYERS("fix: declare one field per layer, e.g. @Dense(out = %d) Layer fc;"),
    // the input and the classes
    DOWNSCALE_INPUT("fix: downscale or crop the images before they reach the network"),
    CLASSES_AT_LEAST_1("fix: give the number of categories the network tells apart, e.g. classes = 10"),
    INPUT_AT_LEAST_1("fix: give the images' real %s, at least 1 (e.g. @Input(channels = 1, height = 28, width = 28)"
        + " for Fashion-MNIST)"),
    CLASSES_DENSE_OUT("fix: write @Dense(out = %d) here, or @Network(classes = %d)"),
    CLASSES_FLATTEN("fix: end the network with '@Flatten Layer scores;': its %s output already holds %d scores"),
    CLASSES_CLASSIFIER("fix: end the network with @Dense(out = %d) Layer classifier;"),
    // hyper-parameters
    CONV_OUT("fix: give the number of output channels, e.g. @Conv(out = 64, ...)"),
    KERNEL_SQUARE_ONLY("fix: write k = %d for a square kernel, or kh and kw without k"),
    KERNEL_MISSING("fix: add k = 3 (or another size), or kh and kw for a rectangular kernel"),
    KERNEL_SIDE_MISSING("fix: add %s = ..., or write k for a square kernel"),
    KERNEL_AT_LEAST_1("fix: use a kernel of at least 1, e.g. k = 3"),
    KERNEL_HEIGHT_AT_LEAST_1("fix: use a kernel height of at least 1"),
    KERNEL_WIDTH_AT_LEAST_1("fix: use a kernel width of at least 1"),
    CONV_STRIDE("fix: use s >= 1; s = 1 (the default) moves the window one pixel at a time"),
    GROUPS_AT_LEAST_1("fix: use groups >= 1; groups = 1 (the default) connects every input channel to every output"
        + " channel"),
    GROUPS_RULE("rule: groups splits the input channels and out into equal parts, each part of the output seeing only"
        + " its own part of the input"),
    GROUPS_DIVISORS("fix: use groups = %s, which divide%s both %d and %d"),
    GROUPS_DEPTHWISE("fix: use groups = %s, which divide%s both %d and %d; groups = %d is a depthwise convolution"),
    NO_PADDING("fix: use p = 0 for no padding"),
    NO_AXIS_PADDING("fix: use %s = 0 for no padding on that axis, or leave it out to take p's value"),
    PADDING_ONE_WAY("fix: write ph = %d, pw = %d without p, or p alone for the same padding on both axes"),
    AXIS_PADDING_KEEPS_SIZE("fix: use %s <= %d; %s = %d keeps the size for an odd kernel at stride 1"),
    PADDING_SEES_ONLY_ZEROS("padding of the kernel size or more only adds windows that see nothing but zeros"),
    PADDING_KEEPS_SIZE("fix: use p <= %d; p = %d keeps the size for an odd kernel at stride 1"),
    PADDING_SMALLER_SIDE("fix: use p <= %d; one p pads every side, so the smaller kernel side limits it"),
    POOL_WINDOW("fix: use a window of at least 1, e.g. k = 2"),
    POOL_STRIDE("fix: use s >= 1, or s = 0 (the default) for a stride equal to k"),
    POOL_PADDING_RULE("PyTorch rejects pooling padding above half the window: such windows can lie wholly in the"
        + " padding"),
    POOL_PADDING("fix: use %s <= %d"),
    ADAPTIVE_POOL_SIZE("fix: use %s >= 1; h = 1, w = 1 averages each channel to one value"),
    DENSE_OUT("fix: give the number of output features, e.g. @Dense(out = 128)"),
    DENSE_IN_FEATURES("fix: give the number of input features, or omit 'in' to infer it"),
    DROPOUT_PROBABILITY("fix: use a drop probability such as @Dropout(0.5); 0 disables dropout"),
    LRN_SIZE("fix: use size >= 1; AlexNet uses size = 5"),
    ALEXNET_LRN("fix: the original AlexNet uses @LRN(size = 5, alpha = 1e-4, beta = 0.75, k = 2)"),
    LEAKY_RELU_SLOPE("fix: use a finite slope, e.g. @LeakyReLU(slope = 0.2), or leave it out for PyTorch's 0.01"),
    BATCH_NORM_DEFAULTS("fix: leave it out for PyTorch's default, %s = %s"),
    TENSOR_NAME_FORM("fix: use parts of letters, digits and _ joined by dots, as PyTorch's module paths are (e.g."
        + " \"bn1\" or \"layer1.0.bn1\"), or leave name out to name the tensors after the field"),
    RENAME_TENSORS("fix: give one of the two layers another name, or leave name out to name its tensors after the"
        + " field"),
    RENAME_BATCH_NORM("fix: give this BatchNorm another name, or leave name out to name its tensors after the field"),
    // shapes
    DENSE_IN("fix: write @Dense(in = %d, ...) or omit 'in' to infer it"),
    WINDOW_RULE("rule: out = floor((in + 2p - k) / s) + 1 = floor((%d + %d - %d) / %d) + 1 = %d"),
    SMALLER_WINDOW("fix: use a window of at most %d (%s <= %d), pad the input, or remove a downsampling layer before"
        + " this one"),
    MOVE_BEFORE_FLATTEN("fix: move this layer before the first @Dense or @Flatten"),
    NOTHING_BEFORE("activations and dropout apply to the output of a layer, and no layer comes before this one"),
    WRITE_AFTER_LAYER("fix: write %s after %s (annotations apply in the order written), or remove it"),
    REMOVE_OR_MOVE_DOWN("fix: remove it, or move it to a field after the first layer"),
    // graphs
    SOURCE_FIRST("fix: write @%s first; the field's input comes before what the field does to it"),
    ONE_SOURCE("fix: keep one; to combine several layers, name them all in one @Add or @Concat"),
    DID_YOU_MEAN("fix: did you mean \"%s\"?"),
    NAME_LAYER_ABOVE("fix: name one of the layer fields above this one: %s"),
    FIRST_FIELD_READS_INPUT("fix: remove @%s; the first field reads the network's input, and no layer is above it"),
    MOVE_ABOVE("fix: a layer reads only layers declared above it, so the network has no cycle: move %s above %s, or"
        + " name a layer above"),
    NAME_OTHER_LAYER("fix: name the layer whose output this field reads, declared above it"),
    JOIN_TWO("fix: name every layer to %s, e.g. @%s({\"%s\", \"other\"}); to read a single layer, use @From"),
    ADD_PROJECTION("fix: project \"%s\" to %s with a 1x1 convolution of stride %d, as ResNet's downsample does:"
        + " @From(\"%s\") @Conv(out = %d, k = 1, s = %d, bias = false) Layer %sProjection; then add that layer"),
    ADD_SAME_SHAPE("fix: make both branches end in the same shape; @Add does not broadcast"),
    CONCAT_SAME_SIZE("fix: make every branch end at %s: change the stride or padding on the \"%s\" branch, or pool"
        + " the larger ones"),
    CONCAT_SAME_KIND("fix: concatenate layers of one kind: put @Flatten on the spatial ones, or pool them first"),
    USE_OWN_FIELD("fix: move the other annotations to a field of their own, above or below this one"),
    ANNOTATE_BLOCK("fix: annotate %s with @Block, or name a class that is"),
    DECLARE_BLOCK_LAYERS("fix: declare its layers as Layer fields, e.g. @Conv(out = Block.OUT, k = 3, p = 1) Layer conv1;"),
    FLATTEN_BLOCKS("fix: write the inner block's layers into this block, or use both blocks from the network"),
    REMOVE_UNUSED("fix: remove it, or read it with @From(\"%s\"), @Add or @Concat"),
    SHRINK_TENSOR("fix: use fewer output channels or features, or downsample the input earlier"),
    SHRINK_NETWORK("fix: use fewer channels or features here or in the layers before, or downsample before the first"
        + " @Dense"),
    STRIDE_WITHIN_WINDOW("fix: use a stride no larger than the window (s <= %d) so that the windows touch, or a larger"
        + " window; ignore this if it is intended"),
    TILE_INPUT("fix: to read every pixel, let the last window end on the last row and column: an input of %dx%d or"
        + " %dx%d here, or other padding; ignore this if it is intended");

    private final String template;

    Hint(String template) {
      this.template = template;
    }

    public String format(Object... args) {
      return String.format(Locale.ROOT, template, args);
    }
  }
}
