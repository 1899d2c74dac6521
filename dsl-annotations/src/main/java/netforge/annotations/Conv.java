package netforge.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A 2-D convolution, as PyTorch's {@code nn.Conv2d(in, out, kernel_size, stride, padding, bias)}, its padding either
 * {@code p} or the pair {@code ph}, {@code pw}, and {@code groups} as its {@code groups=}; the number of input channels
 * is inferred. Weights are stored {@code [out, in / groups, kh, kw]} (OIHW), PyTorch's layout.
 *
 * <p>The kernel is square ({@code k = 3}) or rectangular ({@code kh = 1, kw = 7}). Rules:
 * <ul>
 *   <li>{@code out}, {@code k} (or {@code kh} and {@code kw}) and {@code s} are at least 1
 *       {@code [nn.NonPositiveParameter]}; give either {@code k} or both {@code kh} and {@code kw}
 *       {@code [nn.KernelSize]};</li>
 *   <li>{@code 0 <= p < kernel size}: more padding than that only adds all-zero windows
 *       {@code [nn.NegativePadding]}, {@code [nn.PaddingTooLarge]}; per axis, {@code 0 <= ph < kh} and
 *       {@code 0 <= pw < kw}, and {@code p} is not given beside them {@code [nn.PaddingGivenTwice]};</li>
 *   <li>the input is {@code [channels, height, width]}, not a flattened vector {@code [nn.NeedsSpatialInput]};</li>
 *   <li>the output {@code (in + 2p - k) / s + 1} is at least 1 in both dimensions, each with its own padding
 *       {@code [nn.NonPositiveOutput]};</li>
 *   <li>{@code groups >= 1} {@code [nn.NonPositiveParameter]}, and it divides both the input channels and
 *       {@code out} {@code [nn.GroupsIndivisible]};</li>
 *   <li>a window that does not tile the padded input drops its last rows or columns, as PyTorch does: a warning
 *       {@code [nn.WindowDropsInput]}.</li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Conv {
  /** Output channels. */
  int out();

  /** Square kernel size; leave 0 when giving {@link #kh()} and {@link #kw()}. */
  int k() default 0;

  /** Kernel height, for a rectangular kernel (with {@link #kw()}, without {@link #k()}). */
  int kh() default 0;

  /** Kernel width, for a rectangular kernel (with {@link #kh()}, without {@link #k()}). */
  int kw() default 0;

  /** Stride in both dimensions. */
  int s() default 1;

  /** Zero padding added to every side. */
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

  /** Whether the layer adds a learned bias per output channel. */
  boolean bias() default true;

  /**
   * Channel groups, as PyTorch's {@code groups=}: the input channels and {@code out} are split into {@code groups}
   * equal parts, and each part of the output sees only its own part of the input. 1 (the default) connects every
   * input channel to every output channel; {@code groups} equal to the input channels, with {@code out} a multiple
   * of them, is a depthwise convolution. It must divide both {@code [nn.GroupsIndivisible]}.
   */
  int groups() default 1;

  /**
   * The name its tensors take in a weights file ({@code <name>.weight}, {@code <name>.bias}), such as
   * torchvision's {@code "downsample.0"}; in a block, under the use's name. Empty (the default) means the field's
   * name. Letters, digits and {@code _}, in parts joined by {@code .} {@code [nn.TensorName]}.
   */
  String name() default "";
}
