package netforge.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Adaptive 2-D average pooling to a fixed {@code h x w} output, as PyTorch's {@code nn.AdaptiveAvgPool2d((h, w))}:
 * output row {@code i} averages input rows {@code floor(i * H / h)} up to (not including)
 * {@code ceil((i + 1) * H / h)}, and likewise for columns. Rules: {@code h, w >= 1}
 * {@code [nn.NonPositiveParameter]}; the input is {@code [channels, height, width]} {@code [nn.NeedsSpatialInput]}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface AdaptiveAvgPool {
  /** Output height. */
  int h();

  /** Output width. */
  int w();
}
