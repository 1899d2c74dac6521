package netforge.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The layer whose output this field reads, instead of the field above it: a branch. In a residual block the
 * shortcut reads the block's input, not the layer just above it:
 *
 * <pre>{@code
 * @Conv(out = 64, k = 3, p = 1) @ReLU                     Layer b1conv1;
 * @Conv(out = 64, k = 3, p = 1)                           Layer b1conv2;
 * @From("stem") @Conv(out = 64, k = 1, bias = false)      Layer b1down;
 * @Add({"b1conv2", "b1down"}) @ReLU                       Layer b1;
 * }</pre>
 *
 * Rules:
 * <ul>
 *   <li>it names a layer field declared above this one {@code [nn.UnknownLayer]}, {@code [nn.LaterLayer]};</li>
 *   <li>it comes first on its field, before the layer it feeds {@code [nn.InputNotFirst]}, and a field has at
 *       most one source: {@code @From}, {@link Add} or {@link Concat} {@code [nn.TwoLayerKinds]}.</li>
 * </ul>
 * The named layer's output also keeps feeding whatever reads it otherwise; the backward pass sums the gradients
 * of all its readers.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface From {
  /** The name of a layer field above this one. */
  String value();
}
