package netforge.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The logistic function {@code 1 / (1 + exp(-x))}, as PyTorch's {@code nn.Sigmoid()}, fused into the kernel of the
 * layer before it like {@link ReLU} and computed without overflow for inputs of either sign. Its derivative
 * {@code s (1 - s)} is taken from the stored output inside that layer's backward kernel, or, when a later step of
 * the same field hides that output, from the layer's input, kept for the backward pass. It needs a layer before it
 * {@code [nn.NothingToAttach]}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Sigmoid {}
