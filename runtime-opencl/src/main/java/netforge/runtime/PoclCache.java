package netforge.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import netforge.runtime.io.UnwritableOutputException;

/**
 * PoCL's kernel cache directory, which PoCL must be able to create: without it, PoCL 3 reports its platform with no
 * device at all, and "no OpenCL device" would send the user to install a driver that is there. PoCL reads the
 * place from the environment at start ({@code POCL_CACHE_DIR}, else {@code $XDG_CACHE_HOME/pocl}, else
 * {@code $HOME/.cache/pocl}); a Java process cannot change its own environment, so the fix is named, not applied.
 */
final class PoclCache {
  private PoclCache() {}

  /** Why PoCL cannot use its cache in the environment {@code env}, with the fix; empty when it can. */
  static Optional<String> problem(Map<String, String> env) {
    Path directory = directory(env);
    if (directory == null) {
      return Optional.of("PoCL (the CPU driver) finds no place for its kernel cache: neither POCL_CACHE_DIR, "
          + "XDG_CACHE_HOME nor HOME is set. Set POCL_CACHE_DIR to a writable directory, for example\n    "
          + "export POCL_CACHE_DIR=$(mktemp -d)");
    }
    try {
      Files.createDirectories(directory);
      Files.delete(Files.createTempFile(directory, ".probe", ".tmp"));
      return Optional.empty();
    } catch (IOException e) {
      String variable = set(env, "POCL_CACHE_DIR") ? "POCL_CACHE_DIR" : set(env, "XDG_CACHE_HOME") ? "XDG_CACHE_HOME"
          : "HOME";
      return Optional.of("PoCL (the CPU driver) cannot create its kernel cache " + directory + " ("
          + UnwritableOutputException.of(directory, "the cache", e).reason() + ", from " + variable + ") and then "
          + "reports no device. Set POCL_CACHE_DIR to a writable directory, for example\n    "
          + "export POCL_CACHE_DIR=$(mktemp -d)");
    }
  }

  private static Path directory(Map<String, String> env) {
    if (set(env, "POCL_CACHE_DIR")) {
      return Path.of(env.get("POCL_CACHE_DIR"));
    }
    if (set(env, "XDG_CACHE_HOME")) {
      return Path.of(env.get("XDG_CACHE_HOME"), "pocl");
    }
    return set(env, "HOME") ? Path.of(env.get("HOME"), ".cache", "pocl") : null;
  }

  private static boolean set(Map<String, String> env, String name) {
    return env.get(name) != null && !env.get(name).isBlank();
  }
}
