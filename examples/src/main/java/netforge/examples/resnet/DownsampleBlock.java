package netforge.examples.resnet;

import netforge.annotations.Add;
import netforge.annotations.BatchNorm;
import netforge.annotations.Block;
import netforge.annotations.Conv;
import netforge.annotations.From;
import netforge.annotations.Layer;
import netforge.annotations.ReLU;

/**
 * ResNet's basic block where the resolution halves or the width changes: the shortcut is torchvision's
 * {@code downsample}, a strided 1x1 convolution and a BatchNorm, so that it can be added to the 3x3 branch; their
 * tensors take torchvision's names, {@code downsample.0.weight} and {@code downsample.1.*}.
 */
@Block
abstract class DownsampleBlock {
  @Conv(out = Block.OUT, k = 3, s = Block.STRIDE, p = 1, bias = false) @BatchNorm(name = "bn1") @ReLU Layer conv1;
  @Conv(out = Block.OUT, k = 3, p = 1, bias = false) @BatchNorm(name = "bn2")                     Layer conv2;
  @From(Block.INPUT) @Conv(out = Block.OUT, k = 1, s = Block.STRIDE, bias = false, name = "downsample.0")
      @BatchNorm(name = "downsample.1")                                                            Layer downsample;
  @Add({"conv2", "downsample"}) @ReLU                                                              Layer out;
}
