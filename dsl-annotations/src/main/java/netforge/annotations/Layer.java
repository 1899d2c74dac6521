package netforge.annotations;

/**
 * The type of every layer field of a {@link Network}. The generated {@code <Name>Model} fills each field with a
 * description of the layer as the processor inferred it.
 *
 * <p>A field of this type must carry at least one NetForge annotation {@code [nn.MissingLayerAnnotation]}, and
 * must not be {@code private}, {@code static} or {@code final}, so that the generated subclass can fill it
 * {@code [nn.InaccessibleField]}.
 */
public interface Layer {
  /** The field's name, e.g. {@code conv1}. */
  String name();

  /** The field's annotations as written, e.g. {@code @Conv(out=96, k=11, s=4) @ReLU}. */
  String description();

  /** The shape of this layer's output for one image: {@code [channels, height, width]} or {@code [features]}. */
  int[] outputShape();

  /** Number of trainable parameters (weights and biases). */
  long parameterCount();

  /**
   * Forward floating-point operations for one image: two per multiply-accumulate of a convolution or dense
   * layer (the convention of the PyTorch peer and most profilers); 0 for pooling, LRN and elementwise steps.
   */
  long flops();
}
