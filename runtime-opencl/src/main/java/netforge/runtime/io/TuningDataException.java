package netforge.runtime.io;

import java.io.IOException;

/** Tuning data that cannot be used: the message names the file and what is wrong with it. */
public final class TuningDataException extends IOException {
  public TuningDataException(String message) {
    super(message);
  }
}
