package netforge.runtime.cl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import netforge.runtime.io.AtomicFiles;
import netforge.runtime.io.CacheHome;

/**
 * Compiled program binaries on disk, one file per SHA-256 of (source, build options, device name, driver and
 * platform version): a changed kernel, option or driver never loads a stale binary. The directory is
 * {@code $XDG_CACHE_HOME/netforge/programs} (default {@code ~/.cache/netforge/programs}), or the system property
 * {@value #PROPERTY}. A cache that cannot be written is skipped silently: it only saves time. Where it lives
 * ({@link CacheHome}) and how it writes ({@link AtomicFiles}) it shares with the tuning database.
 *
 * @param directory where the binaries are kept
 */
public record ProgramCache(Path directory) {
  public static final String PROPERTY = "netforge.cache.dir";

  public static ProgramCache standard() {
    return new ProgramCache(CacheHome.configured(PROPERTY, "programs"));
  }

  static String key(String source, String options, String deviceIdentity) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {source, options, deviceIdentity}) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  byte[] load(String key) {
    Path file = directory.resolve(key + ".bin");
    try {
      return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    } catch (IOException e) {
      return null;
    }
  }

  void store(String key, byte[] binary) {
    try {
      Files.createDirectories(directory);
      AtomicFiles.write(directory.resolve(key + ".bin"), out -> out.write(binary));
    } catch (IOException | UnsupportedOperationException e) {
      // A read-only home or a full disk: the program still works, it is just compiled again next time.
    }
  }
}
