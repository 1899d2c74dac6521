package netforge.examples.probes;

import netforge.annotations.Conv;
import netforge.annotations.Dense;
import netforge.annotations.Input;
import netforge.annotations.Layer;
import netforge.annotations.MaxPool;
import netforge.annotations.Network;

/**
 * An input of 2^30 values, within NetForge's per-tensor limit but too large for 32-bit offsets across the images an
 * im2col vector spans, so conv1's im2col computes them in 64 bits. Never run (one image is 4 GiB): only built.
 */
@Network(input = @Input(channels = 1, height = 32768, width = 32768), classes = 2)
abstract class HugeImageProbe {
  @Conv(out = 1, k = 3, s = 2, p = 1) Layer c1;
  @Conv(out = 1, k = 3, s = 16, p = 1) Layer c2;
  @MaxPool(k = 8) Layer p3;
  @Dense(out = 2) Layer out;
}
