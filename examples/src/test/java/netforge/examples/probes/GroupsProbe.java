package netforge.examples.probes;

import netforge.annotations.Conv;
import netforge.annotations.Dense;
import netforge.annotations.Dropout;
import netforge.annotations.Input;
import netforge.annotations.GELU;
import netforge.annotations.Layer;
import netforge.annotations.Network;
import netforge.annotations.ReLU;

/**
 * Grouped convolutions, PyTorch's {@code groups}, at shapes that divide no tile: a grouped first layer (no input
 * gradient), a depthwise layer (one channel per group), a strided depthwise layer with a channel multiplier of 2 and
 * a rectangular window padded only across, a layer of 3 groups whose output channels per group (3) differ from its
 * input channels per group (4), bias-free, with ReLU and dropout, and an unpadded bias-free depthwise layer.
 * Depthwise layers run on kernels of their own, the others on GEMMs per group. Every layer after the first passes
 * its input gradient back through a grouped layer, so the first layer's weight gradient checks every group's input
 * gradient. Every window reads every input row and column: the probe compiles without warnings.
 */
@Network(input = @Input(channels = 4, height = 9, width = 11), classes = 5)
abstract class GroupsProbe {
  @Conv(out = 6, k = 3, groups = 2) @ReLU Layer g1;
  @Conv(out = 6, k = 3, p = 1, groups = 6) @ReLU Layer dw2;
  @Conv(out = 12, kh = 3, kw = 5, s = 2, pw = 2, groups = 6) @GELU Layer dw3;
  @Conv(out = 9, k = 3, p = 1, groups = 3, bias = false) @ReLU @Dropout(0.25) Layer g4;
  @Conv(out = 9, k = 2, groups = 9, bias = false) Layer dw5;
  @Dense(out = 5) Layer out;
}
