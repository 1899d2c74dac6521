package netforge.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Local response normalization across channels, as PyTorch's {@code nn.LocalResponseNorm(size, alpha, beta, k)}:
 * {@code b[c] = a[c] / (k + alpha / size * sum(a[c']^2))^beta}, the sum over channels {@code c - size/2} to
 * {@code c + (size-1)/2} that exist. The defaults are the original AlexNet's (size 5, alpha 1e-4, beta 0.75,
 * k 2); note that PyTorch's default {@code k} is 1. Rules: {@code size >= 1} {@code [nn.NonPositiveParameter]};
 * {@code alpha >= 0}, {@code beta >= 0}, {@code k > 0} {@code [nn.LrnParameter]}; the input is
 * {@code [channels, height, width]} {@code [nn.NeedsSpatialInput]}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface LRN {
  /** Number of neighbouring channels summed over. */
  int size() default 5;

  /** Scale of the sum of squares. */
  double alpha() default 1e-4;

  /** Exponent. */
  double beta() default 0.75;

  /** Additive constant; must be positive. */
  double k() default 2.0;
}
