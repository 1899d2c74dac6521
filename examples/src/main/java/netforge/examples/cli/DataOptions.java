package netforge.examples.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import netforge.runtime.data.Dataset;
import netforge.runtime.data.DatasetException;
import netforge.runtime.data.DatasetLocator;
import netforge.runtime.data.ImageShape;
import picocli.CommandLine.Option;

/** Where data sets come from: {@code --data}, {@code --offline}, and how a folder of images is split. */
public final class DataOptions {
  /** The share of each class a folder without train/ and test/ holds out for testing, unless told otherwise. */
  public static final double DEFAULT_TEST_FRACTION = 0.2;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Read Fashion-MNIST's or CIFAR-10's files from DIR and nowhere else (a missing file is exit code "
          + "4). Without it: /usr/share/datasets/fashion-mnist, then the download cache, then a download.")
  Path data;

  @Option(names = "--offline", description = "Never download; Fashion-MNIST found nowhere uses the bundled subset.")
  boolean offline;

  @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "" + DEFAULT_TEST_FRACTION,
      description = "For --dataset folder:DIR without train/ and test/ sub-directories: the share of each class "
          + "held out for testing, the same files every time (seed 0). Default: ${DEFAULT-VALUE}.")
  double testFraction = DEFAULT_TEST_FRACTION;

  public DatasetLocator locator() {
    DatasetLocator.Builder locator = DatasetLocator.builder().dataDirectory(data);
    if (offline) {
      locator.downloadsOff("they are turned off by --offline");
    }
    return locator.build();
  }

  /**
   * {@code choice} for a network of input {@code networkInput}, notices on {@code out}.
   *
   * @throws IllegalArgumentException (a usage error) for {@code --data} with a folder, which names its own
   *     directory, or a test fraction outside (0, 1)
   */
  public Dataset open(DatasetChoice choice, ImageShape networkInput, PrintStream out) throws DatasetException {
    if (choice.isFolder() && data != null) {
      throw new IllegalArgumentException("--data " + data + " says where Fashion-MNIST or CIFAR-10 are; --dataset "
          + choice + " names its directory itself: leave --data out");
    }
    return choice.open(locator(), testFraction, networkInput, out);
  }
}
