package netforge.examples.resnet;

import netforge.annotations.Add;
import netforge.annotations.BatchNorm;
import netforge.annotations.Block;
import netforge.annotations.Conv;
import netforge.annotations.Layer;
import netforge.annotations.ReLU;

/**
 * ResNet's basic block with an identity shortcut: two 3x3 convolutions with BatchNorm, the block's input added
 * before the last ReLU. Its tensors carry torchvision's names under the use's name ({@code layer1.0.conv1.weight},
 * {@code layer1.0.bn1.running_mean}, ...).
 */
@Block
abstract class BasicBlock {
  @Conv(out = Block.OUT, k = 3, s = Block.STRIDE, p = 1, bias = false) @BatchNorm(name = "bn1") @ReLU Layer conv1;
  @Conv(out = Block.OUT, k = 3, p = 1, bias = false) @BatchNorm(name = "bn2")                     Layer conv2;
  @Add({"conv2", Block.INPUT}) @ReLU                                                               Layer out;
}
