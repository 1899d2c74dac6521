package netforge.examples.probes;

import netforge.annotations.Conv;
import netforge.annotations.Dense;
import netforge.annotations.Input;
import netforge.annotations.Layer;
import netforge.annotations.Network;
import netforge.annotations.ReLU;

/**
 * Depthwise convolutions on rows wider than the weight gradient unrolls whole (64 columns): a row of 72 summed in
 * two unrolled blocks of 36, then, with a channel multiplier of 2, a row of 67 (a prime, so no block divides it) in
 * blocks of 32 with a masked tail.
 */
@Network(input = @Input(channels = 2, height = 4, width = 72), classes = 3)
abstract class WideDepthwiseProbe {
  @Conv(out = 2, k = 3, p = 1, groups = 2) @ReLU Layer dw1;
  @Conv(out = 4, kh = 2, kw = 6, groups = 2) @ReLU Layer dw2;
  @Dense(out = 3) Layer out;
}
