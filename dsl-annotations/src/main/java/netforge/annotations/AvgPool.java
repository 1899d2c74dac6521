package netforge.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * 2-D average pooling, as PyTorch's {@code nn.AvgPool2d(k, s, p)} with its defaults: padded zeros count in the
 * average ({@code count_include_pad=True}), so every window divides by {@code k * k}. Rules as for
 * {@link MaxPool}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface AvgPool {
  /** Window size (square). */
  int k();

  /** Stride; 0 means equal to {@link #k()}. */
  int s() default 0;

  /** Implicit zero padding on every side. */
  int p() default 0;
}
