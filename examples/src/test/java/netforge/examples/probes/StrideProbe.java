package netforge.examples.probes;

import netforge.annotations.AvgPool;
import netforge.annotations.Conv;
import netforge.annotations.Dense;
import netforge.annotations.Input;
import netforge.annotations.Layer;
import netforge.annotations.Network;
import netforge.annotations.ReLU;

/**
 * Strided convolutions after the first layer, so their input gradient (col2im) runs at stride 2 with a
 * rectangular kernel, and average pooling whose windows do not tile the input (PyTorch floors).
 */
@Network(input = @Input(channels = 2, height = 13, width = 13), classes = 5)
abstract class StrideProbe {
  @Conv(out = 5, k = 3) @ReLU Layer c1;
  @Conv(out = 6, kh = 3, kw = 5, s = 2, p = 1) @ReLU Layer c2;
  @AvgPool(k = 2, p = 1) Layer a3;
  @Conv(out = 4, k = 2, s = 2) Layer c4;
  @Dense(out = 5) Layer out;
}
