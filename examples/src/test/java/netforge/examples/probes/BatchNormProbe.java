package netforge.examples.probes;

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
 * BatchNorm in every place the DSL allows it: alone on the input (no input gradient to compute), after a bias-free
 * convolution with a ReLU after it (named {@code c1.bn}), after a ReLU with its own name, eps and momentum
 * ({@code bn2}), and as BatchNorm1d after a dense layer with dropout after it ({@code fc1.bn}). Odd channel counts
 * and images of 6, 12 and 48 pixels per channel.
 */
@Network(input = @Input(channels = 3, height = 8, width = 6), classes = 5)
abstract class BatchNormProbe {
  @BatchNorm Layer norm0;
  @Conv(out = 7, k = 3, p = 1, bias = false) @BatchNorm @ReLU Layer c1;
  @MaxPool(k = 2) Layer p1;
  @Conv(out = 5, k = 2) @ReLU @BatchNorm(name = "bn2", eps = 1e-3, momentum = 0.3) Layer c2;
  @Dense(out = 11) @BatchNorm @Dropout(0.25) Layer fc1;
  @Dense(out = 5) Layer out;
}
