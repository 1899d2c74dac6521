package netforge.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Places a {@link Block}'s layers here, reading the layer above, with {@link Block#OUT}, {@link Block#WIDTH} and
 * {@link Block#STRIDE} taking this use's values: {@code @Use(value = BasicBlock.class, out = 128, s = 2) Layer
 * layer2_0;}. The field stands for the block's output: later layers may name it in {@link From}, {@link Add} and
 * {@link Concat}, and it is the only annotation on its field. Every mistake inside a use is reported here, on the
 * value it comes from when the block took it from this use.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Use {
  /** The block, a class annotated {@link Block}. */
  Class<?> value();

  /** What {@link Block#OUT} stands for: usually the block's output channels. */
  int out() default 0;

  /** What {@link Block#WIDTH} stands for, such as a bottleneck's inner channels; 0 (the default) means {@code out}. */
  int width() default 0;

  /** What {@link Block#STRIDE} stands for. */
  int s() default 1;

  /**
   * The prefix of the names of the block's layers and tensors, such as {@code "layer2.0"} to match torchvision's
   * state dict; empty (the default) means the field's name.
   */
  String name() default "";
}
