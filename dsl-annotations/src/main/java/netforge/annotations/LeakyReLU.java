package netforge.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code x > 0 ? x : slope * x}, as PyTorch's {@code nn.LeakyReLU(negative_slope)}, fused into the kernel of the
 * layer before it like {@link ReLU}; its backward mask is applied inside that layer's backward kernel. With
 * {@code slope > 0} the mask is read from the stored output (its sign is the input's); with {@code slope <= 0} the
 * layer also keeps its input for the backward pass. Rules: {@code slope} is a finite number (negative and zero
 * are allowed, as in PyTorch) {@code [nn.LeakyReluSlope]}; it needs a layer before it {@code [nn.NothingToAttach]}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface LeakyReLU {
  /** The slope for negative inputs; PyTorch's default {@code negative_slope = 0.01}. */
  double slope() default 0.01;
}
