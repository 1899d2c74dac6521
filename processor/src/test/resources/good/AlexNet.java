package netforge.examples.alexnet;

import netforge.annotations.Conv;
import netforge.annotations.Dense;
import netforge.annotations.Dropout;
import netforge.annotations.Input;
import netforge.annotations.Layer;
import netforge.annotations.MaxPool;
import netforge.annotations.Network;
import netforge.annotations.ReLU;

/**
 * The classic single-tower AlexNet (Krizhevsky et al. 2012, as torchvision and the tutorial write it, without
 * LRN) on 227x227 grey images, 10 classes: 58,299,082 parameters.
 */
@Network(input = @Input(channels = 1, height = 227, width = 227), classes = 10)
public abstract class AlexNet {
  @Conv(out = 96, k = 11, s = 4) @ReLU Layer conv1;
  @MaxPool(k = 3, s = 2) Layer pool1;
  @Conv(out = 256, k = 5, p = 2) @ReLU Layer conv2;
  @MaxPool(k = 3, s = 2) Layer pool2;
  @Conv(out = 384, k = 3, p = 1) @ReLU Layer conv3;
  @Conv(out = 384, k = 3, p = 1) @ReLU Layer conv4;
  @Conv(out = 256, k = 3, p = 1) @ReLU Layer conv5;
  @MaxPool(k = 3, s = 2) Layer pool5;
  @Dropout(0.5) @Dense(out = 4096) @ReLU Layer fc6;
  @Dropout(0.5) @Dense(out = 4096) @ReLU Layer fc7;
  @Dense(out = 10) Layer fc8;
}
