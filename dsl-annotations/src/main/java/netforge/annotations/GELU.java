package netforge.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The exact Gaussian error linear unit {@code x * Phi(x) = x / 2 * (1 + erf(x / sqrt(2)))}, as PyTorch's
 * {@code nn.GELU()} (its default {@code approximate='none'}, not the tanh approximation), fused into the kernel of
 * the layer before it like {@link ReLU}. Its derivative needs the input, so the layer keeps it for the backward
 * pass (one more value per output element in training). It needs a layer before it {@code [nn.NothingToAttach]}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface GELU {}
