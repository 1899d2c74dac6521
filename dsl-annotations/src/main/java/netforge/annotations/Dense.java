package netforge.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fully connected layer, as PyTorch's {@code nn.Linear(in, out, bias)}. Weights are stored {@code [out, in]}.
 * A spatial input is flattened first (channels, then rows, then columns, as {@code torch.flatten}), so an
 * explicit {@link Flatten} is optional. Rules:
 * <ul>
 *   <li>{@code out >= 1} {@code [nn.NonPositiveParameter]};</li>
 *   <li>{@code in}, when given, equals the number of input features {@code [nn.ShapeMismatch]}; leave it 0 to
 *       infer it.</li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Dense {
  /** Output features. */
  int out();

  /** Input features, checked against the inferred input; 0 (the default) infers it. */
  int in() default 0;

  /** Whether the layer adds a learned bias per output feature. */
  boolean bias() default true;

  /**
   * The name its tensors take in a weights file ({@code <name>.weight}, {@code <name>.bias}), such as
   * torchvision's {@code "downsample.0"}; in a block, under the use's name. Empty (the default) means the field's
   * name. Letters, digits and {@code _}, in parts joined by {@code .} {@code [nn.TensorName]}.
   */
  String name() default "";
}
