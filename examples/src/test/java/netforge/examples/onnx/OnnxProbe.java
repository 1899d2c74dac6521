package netforge.examples.onnx;

import netforge.annotations.AdaptiveAvgPool;
import netforge.annotations.Conv;
import netforge.annotations.Dense;
import netforge.annotations.Flatten;
import netforge.annotations.Input;
import netforge.annotations.LRN;
import netforge.annotations.Layer;
import netforge.annotations.MaxPool;
import netforge.annotations.Network;
import netforge.annotations.ReLU;

/**
 * The export paths the example networks and the other probes do not take: an odd LRN (ONNX's own LRN node),
 * adaptive pooling with regular windows (an AveragePool) and to one pixel (a GlobalAveragePool), a bias-free
 * convolution and a bias-free dense layer.
 */
@Network(input = @Input(channels = 3, height = 12, width = 12), classes = 4)
abstract class OnnxProbe {
  @Conv(out = 6, k = 3, p = 1) @ReLU Layer c1;
  @LRN(size = 5, alpha = 0.1, beta = 0.75, k = 2) Layer norm;
  @MaxPool(k = 2) Layer p1;
  @AdaptiveAvgPool(h = 3, w = 3) Layer regular;
  @Conv(out = 8, k = 1, bias = false) @ReLU Layer c2;
  @AdaptiveAvgPool(h = 1, w = 1) Layer global;
  @Flatten Layer flat;
  @Dense(out = 4, bias = false) Layer out;
}
