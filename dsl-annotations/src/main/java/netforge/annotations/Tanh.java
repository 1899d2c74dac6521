package netforge.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code tanh(x)}, as PyTorch's {@code nn.Tanh()}, fused into the kernel of the layer before it like {@link ReLU}.
 * Its derivative {@code 1 - tanh(x)^2} is taken from the stored output inside that layer's backward kernel; when a
 * later step of the same field hides that output (dropout scales it, a leaky ReLU bends it), the layer keeps its
 * input for the backward pass instead. It needs a layer before it: on the first field, written before that field's
 * layer annotation, it is an error {@code [nn.NothingToAttach]}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Tanh {}
