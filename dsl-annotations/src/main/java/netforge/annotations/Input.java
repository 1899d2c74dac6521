package netforge.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The shape of one input image of a {@link Network}, in PyTorch's channels-first order. Every dimension is at
 * least 1 {@code [nn.NonPositiveParameter]}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Input {
  /** Number of channels: 1 for grey images, 3 for RGB. */
  int channels();

  /** Height in pixels. */
  int height();

  /** Width in pixels. */
  int width();
}
