package netforge.runtime.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tuned kernel parameters per device, as named key/value data: one JSON file with an entry per device identity
 * (name, driver and platform version, so a driver update tunes again). Read defensively: a damaged or foreign
 * file is reported and ignored in favour of the defaults, never trusted. The file is
 * {@code $XDG_CACHE_HOME/netforge/tuning.json} (default {@code ~/.cache/netforge/tuning.json}) or the system
 * property {@value #PROPERTY}. Where it lives ({@link CacheHome}) and how it writes ({@link AtomicFiles}) it shares
 * with the program cache.
 *
 * @param file the JSON file
 */
public record TuningDatabase(Path file) {
  public static final String PROPERTY = "netforge.tuning.file";
  /** Files larger than this are not tuning data. */
  static final long MAX_BYTES = 1 << 20;
  static final int FORMAT = 1;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The file's content. */
  record Contents(int format, List<Entry> devices) {}

  /**
   * One device's result: its identity, the chosen values, and what the search measured.
   *
   * @param gflops GEMM throughput of the chosen values at n = 1024
   */
  public record Entry(String device, int tm, int tnv, int gemmLocal, int elementwiseLocal, double gflops,
      String measured) {
    /**
     * Null when the values are ones the kernels accept (the ranges {@code netforge.runtime.tuning.Tunables}
     * enforces, restated here because stored data is checked on reading, before anything is built from it), else
     * what is wrong.
     */
    String rangeProblem() {
      return tm < 1 || tm > 32 || tnv < 1 || tnv > 4 || gemmLocal < 0 || elementwiseLocal < 1
          ? String.format(java.util.Locale.ROOT, "values out of range: tm %d, tnv %d, gemmLocal %d, elementwiseLocal %d",
              tm, tnv, gemmLocal, elementwiseLocal)
          : null;
    }
  }

  public static TuningDatabase standard() {
    return new TuningDatabase(CacheHome.configured(PROPERTY, "tuning.json"));
  }

  /** The entry for the device with this cache identity ({@code DeviceInfo.cacheIdentity()}), if a search has run. */
  public Optional<Entry> lookup(String deviceIdentity) throws TuningDataException {
    return read().devices().stream().filter(e -> e.device().equals(deviceIdentity)).findFirst();
  }

  /** Adds or replaces {@code entry}, atomically. */
  public void store(Entry entry) throws IOException {
    List<Entry> devices = new ArrayList<>();
    try {
      read().devices().stream().filter(e -> !e.device().equals(entry.device())).forEach(devices::add);
    } catch (TuningDataException damaged) {
      // a damaged file is replaced by a good one
    }
    devices.add(entry);
    Files.createDirectories(file.toAbsolutePath().getParent());
    AtomicFiles.write(file, (OutputStream out) -> JSON.writeValue(out, new Contents(FORMAT, devices)));
  }

  /** Everything in the file; an empty database when there is no file. */
  Contents read() throws TuningDataException {
    if (!Files.exists(file)) {
      return new Contents(FORMAT, List.of());
    }
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new TuningDataException(file + ": " + size + " bytes is too large for tuning data (at most "
            + MAX_BYTES + ")");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new TuningDataException(file + ": cannot be read: " + e.getMessage());
    }
    Contents contents;
    try {
      contents = JSON.readValue(bytes, Contents.class);
    } catch (JsonProcessingException e) {
      throw new TuningDataException(file + ": not NetForge tuning data: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new TuningDataException(file + ": cannot be parsed: " + e.getMessage());
    }
    if (contents == null || contents.format() != FORMAT || contents.devices() == null) {
      throw new TuningDataException(file + ": expected format " + FORMAT + " with a list of devices");
    }
    for (Entry e : contents.devices()) {
      if (e == null || e.device() == null) {
        throw new TuningDataException(file + ": a device entry without a device name");
      }
      String problem = e.rangeProblem();
      if (problem != null) {
        throw new TuningDataException(file + ": entry for " + e.device() + ": " + problem);
      }
    }
    return contents;
  }
}
