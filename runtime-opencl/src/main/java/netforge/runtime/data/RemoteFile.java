package netforge.runtime.data;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * A file to download: the name to store it under, its exact size and SHA-256 (checked before it is used), and the
 * places it can be fetched from, tried in order.
 */
public record RemoteFile(String fileName, long size, String sha256, List<URI> urls) {
  public RemoteFile {
    if (fileName.isEmpty() || fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
      throw new IllegalArgumentException("a download's file name must be a plain name, not '" + fileName + "'");
    }
    if (size < 0) {
      throw new IllegalArgumentException(fileName + ": size " + size + " is negative");
    }
    sha256 = sha256.toLowerCase(Locale.ROOT);
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(fileName + ": '" + sha256 + "' is not a SHA-256 (64 hex digits)");
    }
    urls = List.copyOf(urls);
    if (urls.isEmpty()) {
      throw new IllegalArgumentException(fileName + ": no URL to download it from");
    }
  }
}
