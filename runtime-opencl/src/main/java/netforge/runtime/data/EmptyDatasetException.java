package netforge.runtime.data;

/**
 * A data set's files are well-formed but hold no images: there is nothing to train or test on. The message starts
 * with the file, like every {@link DatasetException}'s.
 */
public final class EmptyDatasetException extends DatasetException {
  private static final long serialVersionUID = 1L;

  public EmptyDatasetException(String message) {
    super(message);
  }
}
