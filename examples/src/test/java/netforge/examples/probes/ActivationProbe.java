package netforge.examples.probes;

import netforge.annotations.AdaptiveAvgPool;
import netforge.annotations.Conv;
import netforge.annotations.Dense;
import netforge.annotations.Dropout;
import netforge.annotations.GELU;
import netforge.annotations.Input;
import netforge.annotations.LRN;
import netforge.annotations.Layer;
import netforge.annotations.LeakyReLU;
import netforge.annotations.MaxPool;
import netforge.annotations.Network;
import netforge.annotations.ReLU;
import netforge.annotations.SiLU;
import netforge.annotations.Sigmoid;
import netforge.annotations.Tanh;

/**
 * Each activation after another kind of reduction, at shapes that divide no tile (13 channels, 11 and 9 features),
 * both ways the backward pass can go: from the stored output (a leaky ReLU before a ReLU, a sigmoid) and from the
 * stored pre-activation (GELU in a convolution's vector store, tanh hidden by dropout in a pool, SiLU after LRN, a
 * negative slope, a sigmoid before dropout). Measured on PoCL against the double-precision reference (batches 1, 7,
 * 70): logits within 1.3e-7 of their scale and gradients within 1.2e-6, well inside {@code Tolerance}'s FORWARD
 * (5e-5) and GRADIENT (1e-4); {@link ActivationChainProbe} within 1.6e-7 and 1.9e-6.
 */
@Network(input = @Input(channels = 3, height = 8, width = 8), classes = 5)
abstract class ActivationProbe {
  @Conv(out = 13, k = 3, p = 1) @GELU Layer c1;
  @MaxPool(k = 2) @Tanh @Dropout(0.3) Layer p2;
  @Conv(out = 7, k = 2, bias = false) @LeakyReLU(slope = 0.2) @ReLU Layer c3;
  @LRN(size = 3) @SiLU Layer norm;
  @AdaptiveAvgPool(h = 2, w = 2) @Sigmoid Layer pool;
  @Dense(out = 11) @LeakyReLU(slope = -0.3) Layer fc1;
  @Dense(out = 9) @Sigmoid @Dropout(0.2) Layer fc2;
  @Dense(out = 5) Layer out;
}
