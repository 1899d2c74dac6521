package netforge.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code max(0, x)}, fused into the kernel of the layer before it; its backward mask is applied inside that
 * layer's backward kernel. It needs a layer before it: on the first field, written before that field's layer
 * annotation, it is an error {@code [nn.NothingToAttach]}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface ReLU {}
