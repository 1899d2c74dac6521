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

  /**
   * Padding above and below, as the first of PyTorch's {@code padding=(ph, pw)}; -1 (the default) means equal to
   * {@link #p()}. Give {@code ph} or {@code pw} without {@code p} {@code [nn.PaddingGivenTwice]}.
   */
  int ph() default -1;

  /**
   * Padding left and right, as the second of PyTorch's {@code padding=(ph, pw)}; -1 (the default) means equal to
   * {@link #p()}.
   */
  int pw() default -1;
}
