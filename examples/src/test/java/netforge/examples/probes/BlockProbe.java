package netforge.examples.probes;

import netforge.annotations.Add;
import netforge.annotations.BatchNorm;
import netforge.annotations.AdaptiveAvgPool;
import netforge.annotations.Block;
import netforge.annotations.Conv;
import netforge.annotations.Dense;
import netforge.annotations.From;
import netforge.annotations.GELU;
import netforge.annotations.Input;
import netforge.annotations.Layer;
import netforge.annotations.Network;
import netforge.annotations.ReLU;
import netforge.annotations.Use;

/**
 * A small ResNet written with blocks: an identity block, a block with a strided projection shortcut, and the
 * identity block again at the new width, so one block's layers run at two widths in one network; BatchNorms named
 * in the block ({@code bn2}) take the use's prefix, and the stem's BatchNorm is followed by a GELU, which makes it
 * keep its input for the backward pass.
 */
@Network(input = @Input(channels = 3, height = 9, width = 9), classes = 5)
abstract class BlockProbe {
  @Conv(out = 4, k = 3, p = 1, bias = false) @BatchNorm @GELU Layer stem;
  @Use(value = Basic.class, out = 4) Layer layer1;
  @Use(value = Down.class, out = 6, s = 2) Layer layer2;
  @Use(value = Basic.class, out = 6, name = "layer2.1") Layer layer2b;
  @AdaptiveAvgPool(h = 1, w = 1) Layer pool;
  @Dense(out = 5) Layer fc;

  @Block
  abstract static class Basic {
    @Conv(out = Block.OUT, k = 3, s = Block.STRIDE, p = 1) @ReLU Layer conv1;
    @Conv(out = Block.OUT, k = 3, p = 1, bias = false) @BatchNorm(name = "bn2") Layer conv2;
    @Add({"conv2", Block.INPUT}) @ReLU Layer out;
  }

  @Block
  abstract static class Down {
    @Conv(out = Block.OUT, k = 3, s = Block.STRIDE, p = 1) @ReLU Layer conv1;
    @Conv(out = Block.OUT, k = 3, p = 1, bias = false) @BatchNorm(name = "bn2") Layer conv2;
    @From(Block.INPUT) @Conv(out = Block.OUT, k = 1, s = Block.STRIDE, bias = false) @BatchNorm Layer downsample;
    @Add({"conv2", "downsample"}) @ReLU Layer out;
  }
}
