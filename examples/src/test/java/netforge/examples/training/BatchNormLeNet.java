package netforge.examples.training;

import netforge.annotations.BatchNorm;
import netforge.annotations.Conv;
import netforge.annotations.Dense;
import netforge.annotations.Dropout;
import netforge.annotations.Input;
import netforge.annotations.Layer;
import netforge.annotations.MaxPool;
import netforge.annotations.Network;
import netforge.annotations.ReLU;

/**
 * LeNet-5 with BatchNorm after each convolution and the first dense layer, and dropout before the second: a network
 * whose running statistics move every training step and decide every evaluation, so that a resumed run must restore
 * them (and their step counts) to end where an uninterrupted one does.
 */
@Network(input = @Input(channels = 1, height = 28, width = 28), classes = 10)
abstract class BatchNormLeNet {
  @Conv(out = 6, k = 5, p = 2, bias = false) @BatchNorm @ReLU Layer c1;
  @MaxPool(k = 2) Layer s2;
  @Conv(out = 16, k = 5, bias = false) @BatchNorm @ReLU Layer c3;
  @MaxPool(k = 2) Layer s4;
  @Dense(out = 120) @BatchNorm @ReLU Layer f5;
  @Dropout(0.5) @Dense(out = 84) @ReLU Layer f6;
  @Dense(out = 10) Layer output;
}
