package netforge.examples.lenet;

import netforge.annotations.Conv;
import netforge.annotations.Dense;
import netforge.annotations.Input;
import netforge.annotations.Layer;
import netforge.annotations.MaxPool;
import netforge.annotations.Network;
import netforge.annotations.ReLU;

/**
 * LeNet-5 (LeCun et al. 1998) with today's ReLU and max pooling, on 28x28 grey images (Fashion-MNIST as it is):
 * the first convolution pads by 2 to see the 32x32 field of the original. 61,706 parameters.
 */
@Network(input = @Input(channels = 1, height = 28, width = 28), classes = 10)
public abstract class LeNet5 {
  @Conv(out = 6, k = 5, p = 2) @ReLU Layer c1;
  @MaxPool(k = 2) Layer s2;
  @Conv(out = 16, k = 5) @ReLU Layer c3;
  @MaxPool(k = 2) Layer s4;
  @Dense(out = 120) @ReLU Layer f5;
  @Dense(out = 84) @ReLU Layer f6;
  @Dense(out = 10) Layer output;
}
