package netforge.examples.probes;

import netforge.annotations.Add;
import netforge.annotations.Concat;
import netforge.annotations.Conv;
import netforge.annotations.Dense;
import netforge.annotations.Dropout;
import netforge.annotations.Flatten;
import netforge.annotations.From;
import netforge.annotations.GELU;
import netforge.annotations.Input;
import netforge.annotations.Layer;
import netforge.annotations.MaxPool;
import netforge.annotations.Network;
import netforge.annotations.ReLU;
import netforge.annotations.SiLU;

/**
 * A network that is a graph, with every way gradients meet: {@code stem} feeds four readers (a convolution, an
 * identity residual, a max pool and a dropout of its own), so its gradient is the sum of a join that adds into it, a
 * pool that can only overwrite (summed by an extra kernel) and a copy; {@code mixed} concatenates three branches and
 * feeds both a strided convolution and the 1x1 projection shortcut of the second residual. The SiLU and dropout on a
 * shared input run in a stage of its own, so the dropout's mask key must follow the processor's stage numbering; the
 * GELU after the second add makes that join keep its input for the backward pass.
 */
@Network(input = @Input(channels = 3, height = 8, width = 7), classes = 4)
abstract class GraphProbe {
  @Conv(out = 4, k = 3, p = 1) @ReLU Layer stem;
  @Conv(out = 4, k = 3, p = 1) Layer b1;
  @Add({"b1", "stem"}) @ReLU Layer res1;
  @From("stem") @MaxPool(k = 3, s = 1, p = 1) Layer poolBranch;
  @From("stem") @SiLU @Dropout(0.3) Layer dropped;
  @Concat({"res1", "poolBranch", "dropped"}) Layer mixed;
  @Conv(out = 6, k = 3, s = 2, p = 1) @ReLU Layer down;
  @From("mixed") @Conv(out = 6, k = 1, s = 2, bias = false) Layer proj;
  @Add({"down", "proj"}) @GELU Layer res2;
  @Flatten Layer flat;
  @Dense(out = 4) Layer out;
}
