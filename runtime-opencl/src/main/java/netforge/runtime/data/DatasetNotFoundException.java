package netforge.runtime.data;

/**
 * A data set was in none of the places looked in, and could not be downloaded. The message lists every place and
 * why it did not serve, then how to get the files.
 */
public final class DatasetNotFoundException extends DatasetException {
  private static final long serialVersionUID = 1L;

  public DatasetNotFoundException(String message) {
    super(message);
  }
}
