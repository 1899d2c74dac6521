package netforge.examples.resnet;

import netforge.annotations.AdaptiveAvgPool;
import netforge.annotations.BatchNorm;
import netforge.annotations.Conv;
import netforge.annotations.Dense;
import netforge.annotations.Input;
import netforge.annotations.Layer;
import netforge.annotations.MaxPool;
import netforge.annotations.Network;
import netforge.annotations.ReLU;
import netforge.annotations.Use;

/**
 * torchvision's ResNet-18 ({@code torchvision.models.resnet18()}) for 3x224x224 images and 1000 classes: a 7x7
 * stride-2 stem and a 3x3 stride-2 max pool, then four stages of two basic blocks. 11,689,512 parameters, with
 * torchvision's tensor names, so its state dict loads as it is.
 */
@Network(input = @Input(channels = 3, height = 224, width = 224), classes = 1000)
public abstract class ResNet18 {
  @Conv(out = 64, k = 7, s = 2, p = 3, bias = false) @BatchNorm(name = "bn1") @ReLU  Layer conv1;
  @MaxPool(k = 3, s = 2, p = 1)                                                      Layer maxpool;
  @Use(value = BasicBlock.class, out = 64, name = "layer1.0")                        Layer layer1_0;
  @Use(value = BasicBlock.class, out = 64, name = "layer1.1")                        Layer layer1_1;
  @Use(value = DownsampleBlock.class, out = 128, s = 2, name = "layer2.0")           Layer layer2_0;
  @Use(value = BasicBlock.class, out = 128, name = "layer2.1")                       Layer layer2_1;
  @Use(value = DownsampleBlock.class, out = 256, s = 2, name = "layer3.0")           Layer layer3_0;
  @Use(value = BasicBlock.class, out = 256, name = "layer3.1")                       Layer layer3_1;
  @Use(value = DownsampleBlock.class, out = 512, s = 2, name = "layer4.0")           Layer layer4_0;
  @Use(value = BasicBlock.class, out = 512, name = "layer4.1")                       Layer layer4_1;
  @AdaptiveAvgPool(h = 1, w = 1)                                                     Layer avgpool;
  @Dense(out = 1000)                                                                 Layer fc;
}
