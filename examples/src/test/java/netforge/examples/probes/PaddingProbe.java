package netforge.examples.probes;

import netforge.annotations.AvgPool;
import netforge.annotations.Conv;
import netforge.annotations.Dense;
import netforge.annotations.Flatten;
import netforge.annotations.Input;
import netforge.annotations.Layer;
import netforge.annotations.MaxPool;
import netforge.annotations.Network;
import netforge.annotations.ReLU;

/**
 * Padding per axis ({@code ph != pw}) in every windowed kernel: a strided rectangular convolution padded more
 * vertically, max pooling padded only across (all-padding columns never win), a convolution padded only across,
 * and average pooling padded only vertically (the padded zeros count in the divisor). Every window here reads
 * every input row and column, so the probe compiles without warnings.
 */
@Network(input = @Input(channels = 3, height = 9, width = 8), classes = 3)
abstract class PaddingProbe {
  @Conv(out = 5, kh = 3, kw = 4, s = 2, ph = 2, pw = 1) @ReLU Layer c1;
  @MaxPool(k = 3, s = 1, ph = 0, pw = 1) Layer p2;
  @Conv(out = 6, kh = 2, kw = 3, ph = 0, pw = 2) @ReLU Layer c3;
  @AvgPool(k = 3, s = 1, ph = 1, pw = 0) Layer a4;
  @Flatten Layer flat;
  @Dense(out = 3) Layer out;
}
