package netforge.runtime.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * NetForge's per-user cache directory, as the XDG base directory convention places it:
 * {@code $XDG_CACHE_HOME/netforge}, or {@code ~/.cache/netforge} when the variable is unset or blank. Program
 * binaries, tuning data and downloaded data sets live under it unless a setting names another place.
 *
 * <p>A home that cannot be written (a container's read-only home, {@code HOME=/nonexistent} for a service user) is
 * not an error: the cache only saves time, so it moves to a directory under {@code java.io.tmpdir} and a one-line
 * note on standard error says so and names the variable that would keep it.
 */
public final class CacheHome {
  private static Path chosen;

  private CacheHome() {}

  /**
   * The path the system property {@code property} names, or else {@code name} inside NetForge's cache directory:
   * how every cache (programs, tuning data) lets a setting move it.
   */
  public static Path configured(String property, String name) {
    String setting = System.getProperty(property);
    return setting != null && !setting.isBlank() ? Path.of(setting) : resolve(name);
  }

  /** {@code name} inside NetForge's cache directory. */
  public static Path resolve(String name) {
    return directory().resolve(name);
  }

  private static synchronized Path directory() {
    if (chosen == null) {
      chosen = choose(System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home"),
          Path.of(System.getProperty("java.io.tmpdir")), System.err::println);
    }
    return chosen;
  }

  /**
   * The cache directory for these settings: the preferred one when it can be created and written, else
   * {@code temporary/netforge-cache-<user>} after one {@code note}.
   */
  static Path choose(String xdgCacheHome, String home, Path temporary, Consumer<String> note) {
    boolean xdg = xdgCacheHome != null && !xdgCacheHome.isBlank();
    Path preferred = (xdg ? Path.of(xdgCacheHome) : Path.of(home, ".cache")).resolve("netforge");
    String problem = writeProblem(preferred);
    if (problem == null) {
      return preferred;
    }
    Path fallback = temporary.resolve("netforge-cache-" + System.getProperty("user.name", "user"));
    note.accept("netforge: note: cannot write the cache " + preferred + " (" + problem + "); using " + fallback
        + " for this run (set XDG_CACHE_HOME to a writable directory to keep it)");
    return fallback;
  }

  /** Null when {@code directory} can be created and a file written in it; else why not. */
  private static String writeProblem(Path directory) {
    try {
      Files.createDirectories(directory);
      Files.delete(Files.createTempFile(directory, ".probe", ".tmp"));
      return null;
    } catch (IOException e) {
      return UnwritableOutputException.of(directory, "the cache", e).reason();
    }
  }
}
