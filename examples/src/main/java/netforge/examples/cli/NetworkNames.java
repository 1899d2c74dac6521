package netforge.examples.cli;

import java.util.Iterator;

/** The names {@code NETWORK} accepts, for help texts and shell completion. */
public final class NetworkNames implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    return ExampleNetwork.ids().iterator();
  }
}
