package netforge.examples.alexnet;

import netforge.annotations.AdaptiveAvgPool;
import netforge.annotations.Conv;
import netforge.annotations.Dense;
import netforge.annotations.Dropout;
import netforge.annotations.Input;
import netforge.annotations.Layer;
import netforge.annotations.MaxPool;
import netforge.annotations.Network;
import netforge.annotations.ReLU;

/**
 * The tutorial's AlexNet for 32x32 RGB images (CIFAR-10, and Fashion-MNIST resized to 32 and repeated to 3
 * channels): 3x3 convolutions 64-192-384-256-256, 2x2 max pools, adaptive average pooling to 6x6, then the
 * classic classifier with dropout before each of its first two dense layers.
 */
@Network(input = @Input(channels = 3, height = 32, width = 32), classes = 10)
public abstract class AlexNetCifar {
  @Conv(out = 64, k = 3, p = 1) @ReLU Layer conv1;
  @MaxPool(k = 2, s = 2) Layer pool1;
  @Conv(out = 192, k = 3, p = 1) @ReLU Layer conv2;
  @MaxPool(k = 2, s = 2) Layer pool2;
  @Conv(out = 384, k = 3, p = 1) @ReLU Layer conv3;
  @Conv(out = 256, k = 3, p = 1) @ReLU Layer conv4;
  @Conv(out = 256, k = 3, p = 1) @ReLU Layer conv5;
  @MaxPool(k = 2, s = 2) Layer pool5;
  @AdaptiveAvgPool(h = 6, w = 6) Layer avgpool;
  @Dropout(0.5) @Dense(out = 4096) @ReLU Layer fc6;
  @Dropout(0.5) @Dense(out = 4096) @ReLU Layer fc7;
  @Dense(out = 10) Layer fc8;
}
