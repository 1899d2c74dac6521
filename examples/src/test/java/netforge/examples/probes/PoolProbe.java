package netforge.examples.probes;

import netforge.annotations.AdaptiveAvgPool;
import netforge.annotations.AvgPool;
import netforge.annotations.Conv;
import netforge.annotations.Dense;
import netforge.annotations.Dropout;
import netforge.annotations.Flatten;
import netforge.annotations.Input;
import netforge.annotations.LRN;
import netforge.annotations.Layer;
import netforge.annotations.Network;
import netforge.annotations.ReLU;

/**
 * LRN with an even window, padded average pooling, adaptive pooling whose windows overlap (5 -> 3) and whose
 * dropout is a field of its own (no ReLU before it), an explicit flatten, and dropout written before a dense
 * layer (fused into the layer before).
 */
@Network(input = @Input(channels = 4, height = 9, width = 7), classes = 3)
abstract class PoolProbe {
  @Conv(out = 8, k = 3, p = 1) @ReLU Layer c1;
  @LRN(size = 4, alpha = 0.1, beta = 0.6, k = 1) Layer norm;
  @AvgPool(k = 3, s = 2, p = 1) Layer a2;
  @AdaptiveAvgPool(h = 3, w = 3) Layer adaptive;
  @Dropout(0.25) Layer drop;
  @Conv(out = 5, k = 2) @ReLU Layer c3;
  @Flatten Layer flat;
  @Dropout(0.5) @Dense(out = 3) Layer out;
}
