package netforge.runtime.data;

import java.nio.file.Path;

/**
 * An image file a data set left out, and why: it could not be decoded, or its decoder reported damage.
 *
 * @param reason what is wrong with it, e.g. "is empty (0 bytes), not an image"
 */
public record SkippedFile(Path file, String reason) {
  @Override
  public String toString() {
    return file + ": " + reason;
  }
}
