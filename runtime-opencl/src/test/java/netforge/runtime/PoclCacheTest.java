package netforge.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PoCL reports no device when its cache cannot be created (HOME=/etc/passwd/x reproduces it, even as root): the
 * message must name that cause and POCL_CACHE_DIR, not ask to install PoCL.
 */
class PoclCacheTest {
  @TempDir
  Path temp;

  @Test
  void homeBelowAFile_isNamed_withTheVariableToSet() throws IOException {
    Path file = Files.writeString(temp.resolve("passwd"), "x");
    Optional<String> problem = PoclCache.problem(Map.of("HOME", file.resolve("x").toString()));
    assertTrue(problem.isPresent());
    assertTrue(problem.get().contains("cannot create its kernel cache " + file.resolve("x/.cache/pocl")),
        problem.get());
    assertTrue(problem.get().contains("from HOME"), problem.get());
    assertTrue(problem.get().contains("export POCL_CACHE_DIR="), problem.get());
  }

  @Test
  void writableCache_isNoProblem() {
    assertEquals(Optional.empty(), PoclCache.problem(Map.of("HOME", "/unused", "POCL_CACHE_DIR",
        temp.resolve("pocl").toString())));
    assertEquals(Optional.empty(), PoclCache.problem(Map.of("HOME", temp.toString())));
  }

  @Test
  void noDeviceMessage_namesTheCacheInsteadOfInstallingPocl() throws IOException {
    Path file = Files.writeString(temp.resolve("passwd"), "x");
    NoOpenClException e = new NoOpenClException("OpenCL platforms exist, but none has a device.",
        PoclCache.problem(Map.of("HOME", file.resolve("x").toString())).orElseThrow(), null);
    assertTrue(e.getMessage().contains("POCL_CACHE_DIR"), e.getMessage());
    assertTrue(!e.getMessage().contains("apt-get"), e.getMessage());
  }
}
