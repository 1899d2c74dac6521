package netforge.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Inverted dropout, as PyTorch's {@code nn.Dropout(p)}: in training each element is zeroed with probability
 * {@code p} and the survivors are scaled by {@code 1 / (1 - p)}; in evaluation it does nothing. The mask comes
 * from a counter-based generator keyed by (seed, step, element), so backward regenerates it instead of storing
 * it and a run is reproducible. Rules: {@code 0 <= p < 1} {@code [nn.DropoutRange]}; it needs a layer before it
 * {@code [nn.NothingToAttach]}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Dropout {
  /** The probability of zeroing an element. */
  double value() default 0.5;
}
