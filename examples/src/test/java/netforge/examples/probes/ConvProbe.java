package netforge.examples.probes;

import netforge.annotations.Conv;
import netforge.annotations.Dense;
import netforge.annotations.Dropout;
import netforge.annotations.Input;
import netforge.annotations.Layer;
import netforge.annotations.MaxPool;
import netforge.annotations.Network;
import netforge.annotations.ReLU;

/**
 * Convolutions at shapes that divide no tile: a rectangular strided padded kernel with 13 output channels (one
 * more than a 12-row register tile), a bias-free convolution, padded max pooling at stride 1, and a dense layer of
 * 33 features with ReLU then dropout.
 */
@Network(input = @Input(channels = 3, height = 11, width = 10), classes = 4)
abstract class ConvProbe {
  @Conv(out = 13, kh = 3, kw = 2, s = 2, p = 1) @ReLU Layer c1;
  @Conv(out = 7, k = 3, p = 1, bias = false) Layer c2;
  @MaxPool(k = 3, s = 1, p = 1) Layer p3;
  @MaxPool(k = 2) Layer p4;
  @Dense(out = 33) @ReLU @Dropout(0.3) Layer fc;
  @Dense(out = 4) Layer out;
}
