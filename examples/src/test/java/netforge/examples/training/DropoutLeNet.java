package netforge.examples.training;

import netforge.annotations.Conv;
import netforge.annotations.Dense;
import netforge.annotations.Dropout;
import netforge.annotations.Input;
import netforge.annotations.Layer;
import netforge.annotations.MaxPool;
import netforge.annotations.Network;
import netforge.annotations.ReLU;

/**
 * LeNet-5 with dropout before its first two dense layers, as AlexNet has it: a network whose training steps draw
 * random masks from (seed, step), so that a resumed run must restore the step to repeat them, and small enough to
 * train in seconds. Its parameters have exactly LeNet-5's names and shapes, so only the network name tells their
 * checkpoints apart.
 */
@Network(input = @Input(channels = 1, height = 28, width = 28), classes = 10)
abstract class DropoutLeNet {
  @Conv(out = 6, k = 5, p = 2) @ReLU Layer c1;
  @MaxPool(k = 2) Layer s2;
  @Conv(out = 16, k = 5) @ReLU Layer c3;
  @MaxPool(k = 2) Layer s4;
  @Dropout(0.5) @Dense(out = 120) @ReLU Layer f5;
  @Dropout(0.5) @Dense(out = 84) @ReLU Layer f6;
  @Dense(out = 10) Layer output;
}
