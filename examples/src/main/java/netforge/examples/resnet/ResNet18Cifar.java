package netforge.examples.resnet;

import netforge.annotations.AdaptiveAvgPool;
import netforge.annotations.BatchNorm;
import netforge.annotations.Conv;
import netforge.annotations.Dense;
import netforge.annotations.Input;
import netforge.annotations.Layer;
import netforge.annotations.Network;
import netforge.annotations.ReLU;
import netforge.annotations.Use;

/**
 * ResNet-18 for 3x32x32 images (CIFAR-10), the variant the CIFAR literature trains: torchvision's ResNet-18 with a
 * 3x3 stride-1 stem and no max pool, so the four stages run at 32, 16, 8 and 4 pixels. 11,173,962 parameters at 10
 * classes. Tensors carry torchvision's names ({@code conv1.weight}, {@code bn1.*}, {@code layer2.0.conv1.weight},
 * {@code fc.weight}).
 */
@Network(input = @Input(channels = 3, height = 32, width = 32), classes = 10)
public abstract class ResNet18Cifar {
  @Conv(out = 64, k = 3, p = 1, bias = false) @BatchNorm(name = "bn1") @ReLU  Layer conv1;
  @Use(value = BasicBlock.class, out = 64, name = "layer1.0")                 Layer layer1_0;
  @Use(value = BasicBlock.class, out = 64, name = "layer1.1")                 Layer layer1_1;
  @Use(value = DownsampleBlock.class, out = 128, s = 2, name = "layer2.0")    Layer layer2_0;
  @Use(value = BasicBlock.class, out = 128, name = "layer2.1")                Layer layer2_1;
  @Use(value = DownsampleBlock.class, out = 256, s = 2, name = "layer3.0")    Layer layer3_0;
  @Use(value = BasicBlock.class, out = 256, name = "layer3.1")                Layer layer3_1;
  @Use(value = DownsampleBlock.class, out = 512, s = 2, name = "layer4.0")    Layer layer4_0;
  @Use(value = BasicBlock.class, out = 512, name = "layer4.1")                Layer layer4_1;
  @AdaptiveAvgPool(h = 1, w = 1)                                              Layer avgpool;
  @Dense(out = 10)                                                            Layer fc;
}
