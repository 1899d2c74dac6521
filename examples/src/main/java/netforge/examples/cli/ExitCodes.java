package netforge.examples.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the command line's exit status means, for scripts; each command's {@code --help} lists
 * those it can return ({@link ReturnsExitCodes}). */
public final class ExitCodes {
  public static final int OK = 0;
  /**
   * The job ran and failed: a non-finite loss or weights, an unreadable file, images of another shape than the
   * network's input, an output directory that cannot be written or that another run holds, an internal error.
   */
  public static final int FAILED = 1;
  /**
   * Bad options or arguments (picocli's usage error), including an output that already holds a run or file with no
   * --resume or --overwrite to say what to do with it, and --resume without a checkpoint.
   */
  public static final int USAGE = 2;
  /** No OpenCL platform or device could be used. */
  public static final int NO_DEVICE = 3;
  /** The dataset was not where --data said, was found nowhere and could not be downloaded, or holds no images. */
  public static final int NO_DATA = 4;
  /** The device ran out of memory. */
  public static final int OUT_OF_MEMORY = 5;

  /** What picocli prints under "Exit codes:" for each code, in order. */
  static final Map<Integer, String> HELP = helpTexts();

  private static Map<Integer, String> helpTexts() {
    Map<Integer, String> help = new LinkedHashMap<>();
    help.put(OK, "Success.");
    help.put(FAILED, "The job failed (non-finite loss or weights, unreadable file, images not of the network's input"
        + " shape, output not writable or in use by another run, internal error).");
    help.put(USAGE, "Invalid options or arguments (also: the output holds a run and neither --resume nor --overwrite"
        + " is given, or --resume finds no checkpoint).");
    help.put(NO_DEVICE, "No OpenCL device, or none matching --device (install PoCL: see 'netforge devices').");
    help.put(NO_DATA, "Dataset not found (not in --data DIR, or nowhere and not downloadable), or empty.");
    help.put(OUT_OF_MEMORY, "Out of device memory (try a smaller --batch).");
    return Collections.unmodifiableMap(help);
  }

  private ExitCodes() {}
}
