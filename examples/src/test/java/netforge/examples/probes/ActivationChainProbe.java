package netforge.examples.probes;

import netforge.annotations.AvgPool;
import netforge.annotations.Conv;
import netforge.annotations.Dense;
import netforge.annotations.Dropout;
import netforge.annotations.Flatten;
import netforge.annotations.GELU;
import netforge.annotations.Input;
import netforge.annotations.Layer;
import netforge.annotations.LeakyReLU;
import netforge.annotations.Network;
import netforge.annotations.ReLU;
import netforge.annotations.SiLU;
import netforge.annotations.Sigmoid;
import netforge.annotations.Tanh;

/**
 * Activations followed by other elementwise steps, where the derivative must see through them: tanh read from a
 * convolution's stored output, SiLU then dropout in a convolution (no vector store), the default leaky ReLU after
 * average pooling, GELU then dropout, a sigmoid whose output a ReLU passes on unchanged, and logits through tanh.
 */
@Network(input = @Input(channels = 2, height = 7, width = 7), classes = 4)
abstract class ActivationChainProbe {
  @Conv(out = 5, k = 3, p = 1) @Tanh Layer c1;
  @Conv(out = 6, k = 3, s = 2) @SiLU @Dropout(0.25) Layer c2;
  @AvgPool(k = 2, s = 1) @LeakyReLU Layer a3;
  @Flatten Layer flat;
  @Dense(out = 10) @GELU @Dropout(0.4) Layer fc1;
  @Dense(out = 8) @Sigmoid @ReLU Layer fc2;
  @Dense(out = 4) @Tanh Layer out;
}
