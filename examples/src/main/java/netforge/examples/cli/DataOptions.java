package netforge.examples.cli;

import java.nio.file.Path;
import netforge.runtime.data.DatasetLocator;
import picocli.CommandLine.Option;

/** Where data sets come from: {@code --data}, {@code --offline}. */
public final class DataOptions {
  @Option(names = "--data", paramLabel = "DIR",
      description = "Read the data set's files from DIR and nowhere else (a missing file is exit code 4). Without "
          + "it: /usr/share/datasets/fashion-mnist, then the download cache, then a download.")
  Path data;

  @Option(names = "--offline", description = "Never download; Fashion-MNIST found nowhere uses the bundled subset.")
  boolean offline;

  public DatasetLocator locator() {
    DatasetLocator.Builder locator = DatasetLocator.builder().dataDirectory(data);
    if (offline) {
      locator.downloadsOff("they are turned off by --offline");
    }
    return locator.build();
  }
}
