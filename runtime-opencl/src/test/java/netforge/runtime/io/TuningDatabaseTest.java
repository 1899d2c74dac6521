package netforge.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import netforge.runtime.DeviceInfo;
import netforge.runtime.DeviceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuningDatabaseTest {
  private static final DeviceInfo DEVICE = new DeviceInfo(0, "PoCL", "3.1", "cpu-x", "AMD", DeviceType.CPU, "3.1",
      "OpenCL 3.0", 2, 1L << 33, 1L << 31, true);
  private static final TuningDatabase.Entry ENTRY =
      new TuningDatabase.Entry(DEVICE.cacheIdentity(), 8, 2, 1, 64, 210.5, "2026-11-28");

  @TempDir
  Path dir;

  @Test
  void store_thenLookup_returnsTheEntry_andOtherDevicesFindNothing() throws IOException {
    TuningDatabase db = new TuningDatabase(dir.resolve("tuning.json"));
    db.store(ENTRY);
    assertEquals(Optional.of(ENTRY), db.lookup(DEVICE.cacheIdentity()));
    DeviceInfo otherDriver = new DeviceInfo(0, "PoCL", "3.1", "cpu-x", "AMD", DeviceType.CPU, "4.0", "OpenCL 3.0",
        2, 1L << 33, 1L << 31, true);
    assertEquals(Optional.empty(), db.lookup(otherDriver.cacheIdentity()), "a new driver is tuned again");
  }

  @Test
  void store_replacesTheDevicesEntry_andKeepsOthers() throws IOException {
    TuningDatabase db = new TuningDatabase(dir.resolve("tuning.json"));
    db.store(new TuningDatabase.Entry("other|1|1", 12, 2, 1, 64, 100, "2026-01-01"));
    db.store(ENTRY);
    db.store(new TuningDatabase.Entry(DEVICE.cacheIdentity(), 6, 4, 1, 64, 220, "2026-11-29"));
    assertEquals(2, db.read().devices().size());
    assertEquals(6, db.lookup(DEVICE.cacheIdentity()).orElseThrow().tm());
  }

  @Test
  void missingFile_isAnEmptyDatabase() throws IOException {
    assertEquals(Optional.empty(), new TuningDatabase(dir.resolve("absent.json")).lookup(DEVICE.cacheIdentity()));
  }

  @Test
  void outOfRangeValues_areRejected_namingTheFileAndDevice() throws IOException {
    Path file = dir.resolve("tuning.json");
    Files.writeString(file, "{\"format\":1,\"devices\":[{\"device\":\"d\",\"tm\":999,\"tnv\":2,\"gemmLocal\":1,"
        + "\"elementwiseLocal\":64,\"gflops\":1,\"measured\":\"x\"}]}");
    TuningDataException e = assertThrows(TuningDataException.class, () -> new TuningDatabase(file).lookup(DEVICE.cacheIdentity()));
    assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("entry for d"), e.getMessage());
  }

  @Test
  void hugeFile_isRejectedWithoutReadingIt() throws IOException {
    Path file = dir.resolve("tuning.json");
    Files.write(file, new byte[(int) TuningDatabase.MAX_BYTES + 1]);
    TuningDataException e = assertThrows(TuningDataException.class, () -> new TuningDatabase(file).lookup(DEVICE.cacheIdentity()));
    assertTrue(e.getMessage().contains("too large"), e.getMessage());
  }

  @Test
  void damagedFile_isReplacedByTheNextStore() throws IOException {
    Path file = dir.resolve("tuning.json");
    Files.writeString(file, "{not json");
    TuningDatabase db = new TuningDatabase(file);
    db.store(ENTRY);
    assertEquals(Optional.of(ENTRY), db.lookup(DEVICE.cacheIdentity()));
  }

  @Property(tries = 1500)
  void anyBytes_readOrFailWithTuningDataException(@ForAll("files") byte[] content) throws IOException {
    Path file = Files.createTempFile("tuning", ".json");
    try {
      Files.write(file, content);
      try {
        new TuningDatabase(file).lookup(DEVICE.cacheIdentity());
      } catch (TuningDataException expected) {
        assertTrue(expected.getMessage().startsWith(file.toString()), expected.getMessage());
      }
    } finally {
      Files.delete(file);
    }
  }

  /** Random bytes, and valid files with a character replaced, inserted or cut. */
  @Provide
  Arbitrary<byte[]> files() {
    String valid = "{\"format\":1,\"devices\":[{\"device\":\"" + DEVICE.cacheIdentity() + "\",\"tm\":8,\"tnv\":2,"
        + "\"gemmLocal\":1,\"elementwiseLocal\":64,\"gflops\":210.5,\"measured\":\"2026-11-28\"}]}";
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    Arbitrary<byte[]> mutated = Arbitraries.integers().between(0, valid.length() - 1).flatMap(at ->
        Arbitraries.chars().ascii().flatMap(c -> Arbitraries.integers().between(0, 2).map(kind -> {
          String s = switch (kind) {
            case 0 -> valid.substring(0, at) + c + valid.substring(at + 1);
            case 1 -> valid.substring(0, at) + c + valid.substring(at);
            default -> valid.substring(0, at);
          };
          return s.getBytes(StandardCharsets.UTF_8);
        })));
    return Arbitraries.oneOf(random, mutated);
  }
}
