package netforge.examples.cli;

import java.util.Arrays;
import java.util.Iterator;
import netforge.runtime.train.OptimizerKind;

/** The names {@code --optimizer} and {@code --optimizers} accept, for help texts and shell completion. */
public final class OptimizerNames implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    return Arrays.stream(OptimizerKind.values()).map(OptimizerKind::userName).iterator();
  }
}
