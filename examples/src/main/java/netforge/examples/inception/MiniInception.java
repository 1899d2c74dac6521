package netforge.examples.inception;

import netforge.annotations.AdaptiveAvgPool;
import netforge.annotations.Block;
import netforge.annotations.Concat;
import netforge.annotations.Conv;
import netforge.annotations.Dense;
import netforge.annotations.From;
import netforge.annotations.Input;
import netforge.annotations.Layer;
import netforge.annotations.MaxPool;
import netforge.annotations.Network;
import netforge.annotations.ReLU;
import netforge.annotations.Use;

/**
 * A small Inception-style network for 3x32x32 images (CIFAR-10): three modules in the manner of GoogLeNet's, each
 * running a 1x1, a 1x1-then-3x3 and a pool-then-1x1 branch side by side on the same input and concatenating their
 * channels. {@code out} is each branch's width, {@code width} the 3x3 branch's reduction.
 */
@Network(input = @Input(channels = 3, height = 32, width = 32), classes = 10)
public abstract class MiniInception {
  @Conv(out = 32, k = 3, p = 1) @ReLU                 Layer stem;
  @Use(value = Module.class, out = 16, width = 24)   Layer mixed1;
  @MaxPool(k = 2)                                     Layer pool1;
  @Use(value = Module.class, out = 32, width = 48)   Layer mixed2;
  @MaxPool(k = 2)                                     Layer pool2;
  @Use(value = Module.class, out = 48, width = 64)   Layer mixed3;
  @AdaptiveAvgPool(h = 1, w = 1)                      Layer pool;
  @Dense(out = 10)                                    Layer fc;

  /** One Inception module: three branches of {@code out} channels each, concatenated. */
  @Block
  abstract static class Module {
    @Conv(out = Block.OUT, k = 1) @ReLU                          Layer branch1x1;
    @From(Block.INPUT) @Conv(out = Block.WIDTH, k = 1) @ReLU     Layer reduce3x3;
    @Conv(out = Block.OUT, k = 3, p = 1) @ReLU                   Layer branch3x3;
    @From(Block.INPUT) @MaxPool(k = 3, s = 1, p = 1)             Layer pool;
    @Conv(out = Block.OUT, k = 1) @ReLU                          Layer branchPool;
    @Concat({"branch1x1", "branch3x3", "branchPool"})            Layer out;
  }
}
