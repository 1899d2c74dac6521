package netforge.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The element-wise sum of the outputs of the named layers: the residual connection of a ResNet block,
 * {@code out = relu(bn2(conv2(...)) + shortcut)}, written {@code @Add({"conv2", "shortcut"}) @ReLU}. The field's
 * output has the shape of its inputs; element-wise annotations after it (such as {@link ReLU}) apply to the sum.
 * Rules:
 * <ul>
 *   <li>at least two names, each a layer field declared above this one, none twice {@code [nn.UnknownLayer]},
 *       {@code [nn.LaterLayer]}, {@code [nn.JoinArity]};</li>
 *   <li>every input has the same shape {@code [nn.AddShapeMismatch]}: a shortcut that changes the width or the
 *       resolution needs a 1x1 convolution with the same stride on its branch;</li>
 *   <li>it is the field's layer: it comes first, and is its only layer annotation {@code [nn.InputNotFirst]},
 *       {@code [nn.TwoLayerKinds]}.</li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Add {
  /** The names of the layer fields to add, declared above this one. */
  String[] value();
}
