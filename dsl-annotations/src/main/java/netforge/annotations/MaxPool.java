package netforge.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * 2-D max pooling, as PyTorch's {@code nn.MaxPool2d(k, s, p)} (padding never wins the maximum; on ties the
 * first element in row-major order wins). Rules:
 * <ul>
 *   <li>{@code k >= 1}; {@code s >= 1}, or 0 for "equal to {@code k}", PyTorch's default
 *       {@code [nn.NonPositiveParameter]};</li>
 *   <li>{@code 0 <= p <= k / 2}, PyTorch's limit {@code [nn.NegativePadding]}, {@code [nn.PaddingTooLarge]}; the
 *       same for {@code ph} and {@code pw}, PyTorch's {@code padding=(ph, pw)}, which are not given beside
 *       {@code p} {@code [nn.PaddingGivenTwice]};</li>
 *   <li>the input is {@code [channels, height, width]} {@code [nn.NeedsSpatialInput]};</li>
 *   <li>the output {@code (in + 2p - k) / s + 1} is at least 1 {@code [nn.NonPositiveOutput]};</li>
 *   <li>a window that does not tile its input drops rows or columns: a warning {@code [nn.WindowDropsInput]}.</li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface MaxPool {
  /** Window size (square). */
  int k();

  /** Stride; 0 means equal to {@link #k()}. */
  int s() default 0;

  /** Implicit padding on every side. */
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
