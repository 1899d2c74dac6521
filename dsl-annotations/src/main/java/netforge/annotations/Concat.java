package netforge.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The outputs of the named layers stacked along the channels, in the order named, as PyTorch's
 * {@code torch.cat(tensors, dim=1)}: the join of an Inception module's branches. Spatial inputs
 * {@code [c_i, h, w]} give {@code [sum c_i, h, w]}; vectors {@code [f_i]} give {@code [sum f_i]}. Rules:
 * <ul>
 *   <li>at least two names, each a layer field declared above this one, none twice {@code [nn.UnknownLayer]},
 *       {@code [nn.LaterLayer]}, {@code [nn.JoinArity]};</li>
 *   <li>every input has the same height and width, or every input is a vector {@code [nn.ConcatShapeMismatch]};</li>
 *   <li>it is the field's layer: it comes first, and is its only layer annotation {@code [nn.InputNotFirst]},
 *       {@code [nn.TwoLayerKinds]}.</li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Concat {
  /** The names of the layer fields to concatenate, declared above this one, in channel order. */
  String[] value();
}
