package netforge.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A group of layers declared once and placed in a network several times with {@link Use}, each time with its own
 * width and stride: ResNet's basic block, an Inception module, a VGG stage. Its {@link Layer} fields are written as a
 * network's are; where a value should come from the use, write one of the constants below:
 *
 * <pre>{@code
 * @Block
 * abstract static class BasicBlock {
 *   @Conv(out = Block.OUT, k = 3, s = Block.STRIDE, p = 1, bias = false) @BatchNorm(name = "bn1") @ReLU Layer conv1;
 *   @Conv(out = Block.OUT, k = 3, p = 1, bias = false) @BatchNorm(name = "bn2")                     Layer conv2;
 *   @Add({"conv2", Block.INPUT}) @ReLU                                                               Layer out;
 * }
 * }</pre>
 *
 * The first layer reads the layer above the use; {@link #INPUT} names that input in {@link From}, {@link Add} and
 * {@link Concat}, and other names are the block's own fields above the reader. The block's output is its last
 * layer's. Each use's layers are named {@code <use>.<field>} ({@code layer2_0.conv1}), and so are its tensors, so
 * that a use named {@code layer2.0} (see {@link Use#name()}) loads torchvision's {@code layer2.0.conv1.weight}.
 * Blocks do not nest.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Block {
  /** In a block: the {@code out} given where the block is used. */
  int OUT = -1_000_001;
  /** In a block: the {@code width} given where the block is used (its {@code out} when not given). */
  int WIDTH = -1_000_002;
  /** In a block: the stride {@code s} given where the block is used. */
  int STRIDE = -1_000_003;
  /** In a block's {@code @From}, {@code @Add} or {@code @Concat}: the layer above the use, the block's input. */
  String INPUT = "Block.INPUT";
}
