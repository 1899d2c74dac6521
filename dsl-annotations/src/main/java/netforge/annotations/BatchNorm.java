package netforge.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Batch normalisation, as PyTorch's {@code nn.BatchNorm2d(channels, eps, momentum)} on an image
 * {@code [channels, height, width]} and {@code nn.BatchNorm1d(features, eps, momentum)} on a vector {@code [features]}
 * (after a dense layer): {@code y = (x - mean) / sqrt(var + eps) * weight + bias} per channel (per feature).
 *
 * <p>In training, {@code mean} and {@code var} are the batch's, over the images and pixels of each channel, with the
 * biased variance (divided by {@code n}); the running statistics then move towards them,
 * {@code running = (1 - momentum) * running + momentum * batch}, with the unbiased variance (divided by
 * {@code n - 1}), and {@code num_batches_tracked} counts the step. In evaluation the running statistics take their
 * place. {@code weight} starts at 1 and {@code bias} at 0, and both are trained; the running statistics are state,
 * not parameters: saved and loaded with the weights ({@code <name>.running_mean}, {@code <name>.running_var},
 * {@code <name>.num_batches_tracked}), never touched by an optimizer. Training needs more than one value per
 * channel: a batch of one image is refused after a dense layer, as PyTorch refuses it.
 *
 * <p>It is a layer of its own ({@code @BatchNorm Layer bn1;}) or follows a {@link Conv} or {@link Dense} in the same
 * field, with elementwise steps after it: {@code @Conv(out = 64, k = 3, p = 1, bias = false) @BatchNorm @ReLU
 * Layer conv1;}. Its tensors are named {@code <name>.weight}, {@code <name>.bias}, ...: {@link #name()} when given;
 * otherwise the field's name when the BatchNorm is the field's only step with parameters, and
 * {@code <field>.bn} when it follows a convolution or dense layer in the field. Rules:
 * <ul>
 *   <li>{@code eps > 0} and finite; {@code 0 <= momentum <= 1} {@code [nn.BatchNormParameter]};</li>
 *   <li>{@code name}, when given, is a tensor name of letters, digits and {@code _}, in parts joined by {@code .}
 *       ({@code layer1.0.bn1}), and no other layer's tensors have it {@code [nn.BatchNormName]}.</li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface BatchNorm {
  /** Added to the variance before its square root; PyTorch's default. */
  double eps() default 1e-5;

  /** How far each training step moves the running statistics towards the batch's; PyTorch's default. */
  double momentum() default 0.1;

  /**
   * The prefix of its tensors' names ({@code "bn1"} gives {@code bn1.weight}, {@code bn1.running_mean}, ...), to
   * match a PyTorch state dict; empty (the default) names them after the field.
   */
  String name() default "";
}
