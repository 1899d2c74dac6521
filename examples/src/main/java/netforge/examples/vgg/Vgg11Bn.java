package netforge.examples.vgg;

import netforge.annotations.BatchNorm;
import netforge.annotations.Conv;
import netforge.annotations.Dense;
import netforge.annotations.Input;
import netforge.annotations.Layer;
import netforge.annotations.MaxPool;
import netforge.annotations.Network;
import netforge.annotations.ReLU;

/**
 * VGG-11 with BatchNorm (configuration "A" of Simonyan and Zisserman, torchvision's {@code vgg11_bn} features) for
 * 3x32x32 images (CIFAR-10): eight 3x3 convolutions, each with BatchNorm and ReLU, five max pools down to 1x1, and
 * one dense classifier over the 512 features, as CIFAR implementations write it.
 */
@Network(input = @Input(channels = 3, height = 32, width = 32), classes = 10)
public abstract class Vgg11Bn {
  @Conv(out = 64, k = 3, p = 1) @BatchNorm @ReLU    Layer conv1;
  @MaxPool(k = 2)                                   Layer pool1;
  @Conv(out = 128, k = 3, p = 1) @BatchNorm @ReLU   Layer conv2;
  @MaxPool(k = 2)                                   Layer pool2;
  @Conv(out = 256, k = 3, p = 1) @BatchNorm @ReLU   Layer conv3;
  @Conv(out = 256, k = 3, p = 1) @BatchNorm @ReLU   Layer conv4;
  @MaxPool(k = 2)                                   Layer pool3;
  @Conv(out = 512, k = 3, p = 1) @BatchNorm @ReLU   Layer conv5;
  @Conv(out = 512, k = 3, p = 1) @BatchNorm @ReLU   Layer conv6;
  @MaxPool(k = 2)                                   Layer pool4;
  @Conv(out = 512, k = 3, p = 1) @BatchNorm @ReLU   Layer conv7;
  @Conv(out = 512, k = 3, p = 1) @BatchNorm @ReLU   Layer conv8;
  @MaxPool(k = 2)                                   Layer pool5;
  @Dense(out = 10)                                  Layer classifier;
}
