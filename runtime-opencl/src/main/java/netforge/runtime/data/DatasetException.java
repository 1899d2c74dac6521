package netforge.runtime.data;

import java.io.IOException;

/**
 * A data set file could not be used. The message starts with the file (or the place looked in) and says what is
 * wrong with it, e.g. {@code "train-images-idx3-ubyte.gz: magic 0x00000801 is a label file, expected images
 * (0x00000803)"}.
 */
public class DatasetException extends IOException {
  private static final long serialVersionUID = 1L;

  public DatasetException(String message) {
    super(message);
  }

  public DatasetException(String message, Throwable cause) {
    super(message, cause);
  }
}
