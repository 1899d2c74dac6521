package netforge.runtime.cl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import netforge.runtime.DeviceInfo;
import netforge.runtime.DeviceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk binary cache used for drivers without a cache of their own (GPUs); no device needed. */
class ProgramCacheTest {
  private static DeviceInfo device(String platform, String driver) {
    return new DeviceInfo(0, platform, "OpenCL 3.0", "H200", "NVIDIA", DeviceType.GPU, driver, "OpenCL C 1.2", 132,
        1L << 37, 1L << 35, true);
  }

  @Test
  void key_changesWithSourceOptionsAndDriver() {
    DeviceInfo nvidia = device("NVIDIA CUDA", "550.54");
    String key = ProgramCache.key("kernel", "-DTM=6", nvidia.cacheIdentity());
    assertEquals(key, ProgramCache.key("kernel", "-DTM=6", nvidia.cacheIdentity()));
    assertNotEquals(key, ProgramCache.key("kernel ", "-DTM=6", nvidia.cacheIdentity()));
    assertNotEquals(key, ProgramCache.key("kernel", "-DTM=8", nvidia.cacheIdentity()));
    assertNotEquals(key, ProgramCache.key("kernel", "-DTM=6", device("NVIDIA CUDA", "550.90").cacheIdentity()));
  }

  @Test
  void store_thenLoad_returnsTheBinaryAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
    ProgramCache cache = new ProgramCache(dir.resolve("programs"));
    assertNull(cache.load("abc"));
    cache.store("abc", new byte[] {1, 2, 3});
    assertArrayEquals(new byte[] {1, 2, 3}, cache.load("abc"));
    try (Stream<Path> files = Files.list(dir.resolve("programs"))) {
      assertEquals(1, files.count());
    }
  }

  @Test
  void store_whereTheDirectoryCannotBeCreated_isSkipped(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
    ProgramCache cache = new ProgramCache(file.resolve("programs"));
    cache.store("abc", new byte[] {1});
    assertNull(cache.load("abc"));
  }

  @Test
  void compilesOnFirstLaunch_onlyForPocl() {
    assertTrue(device("Portable Computing Language", "3.1").compilesOnFirstLaunch());
    assertFalse(device("NVIDIA CUDA", "550.54").compilesOnFirstLaunch());
  }
}
