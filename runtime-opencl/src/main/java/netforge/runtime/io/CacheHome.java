package netforge.runtime.io;

import java.nio.file.Path;

/**
 * NetForge's per-user cache directory, as the XDG base directory convention places it:
 * {@code $XDG_CACHE_HOME/netforge}, or {@code ~/.cache/netforge} when the variable is unset or blank. Program
 * binaries, tuning data and downloaded data sets live under it unless a setting names another place.
 */
public final class CacheHome {
  private CacheHome() {}

  /** {@code name} inside NetForge's cache directory. */
  public static Path resolve(String name) {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("netforge").resolve(name);
  }
}
