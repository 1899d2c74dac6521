package netforge.runtime.tuning;

import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import netforge.runtime.Device;
import netforge.runtime.DeviceType;
import netforge.runtime.io.TuningDataException;
import netforge.runtime.io.TuningDatabase;

/**
 * The short search that chooses a device's GEMM tile: it times the shared GEMM for each candidate register tile
 * (rows TM x 16-wide vectors TNV, all of which fit AVX-512's 32 vector registers with the operands in flight) and,
 * on GPUs, each work-group size, on two shapes: a square n = 1024 and a convolution's (256 channels, K = 2400, a
 * chunk of 6,144 pixels, AlexNet's conv2), whose long thin operands favour other tiles than the square does. The
 * default stays unless a candidate is clearly faster, so timing noise does not pick the tile. The result is
 * stored in the {@link TuningDatabase}; it runs once per device and driver, and the engine then builds every
 * program with the stored values ({@link Tunables#forDevice}).
 */
public final class Tuner {
  static final int N = 1024;
  /** Runs per shape; the fastest counts, the best estimate of what the tile can do on a machine with noise. */
  static final int RUNS = 5;
  /** A candidate replaces the default only when this much faster: less would be noise on a shared machine. */
  static final double MARGIN = 1.03;
  /** (TM, TNV): 12x2 is the default; the others trade rows for vectors within the register file. */
  static final int[][] TILES = {{12, 2}, {8, 2}, {14, 2}, {6, 4}, {16, 1}, {24, 1}};
  /**
   * On CPUs one vector per row loads as many values of A as it multiplies (24 broadcasts per 24 FMAs at 24x1),
   * and measured slower on real convolutions (AlexNet's conv2 at half the speed) than the probe shapes showed.
   */
  static final int MIN_CPU_VECTORS = 2;
  static final int[] GPU_LOCAL_SIZES = {0, 8, 16};

  private Tuner() {}

  /** The stored values for {@code device}, searching first if there are none. */
  public static Tunables ensureTuned(Device device, PrintStream out) throws IOException {
    TuningDatabase database = TuningDatabase.standard();
    try {
      var entry = database.lookup(device.info().cacheIdentity());
      if (entry.isPresent()) {
        return Tunables.of(entry.get(), Tunables.defaults(device.info().type()));
      }
    } catch (TuningDataException damaged) {
      out.println("note: " + damaged.getMessage() + "; searching again");
    }
    TuningDatabase.Entry best = search(device, out);
    database.store(best);
    out.printf(Locale.ROOT, "tuning: chose TM=%d, TNV=%d%s (%.1f GFLOP/s over both shapes); saved in %s%n",
        best.tm(), best.tnv(), best.gemmLocal() == 0 ? "" : ", work-group " + best.gemmLocal(), best.gflops(),
        database.file());
    return Tunables.of(best, Tunables.defaults(device.info().type()));
  }

  /** Times every candidate and returns the fastest. */
  public static TuningDatabase.Entry search(Device device, PrintStream out) {
    Tunables base = Tunables.defaults(device.info().type());
    List<Tunables> candidates = new ArrayList<>();
    int[] locals = device.info().type() == DeviceType.CPU ? new int[] {base.gemmLocal()} : GPU_LOCAL_SIZES;
    for (int[] tile : TILES) {
      if (device.info().type() == DeviceType.CPU && tile[1] < MIN_CPU_VECTORS) {
        continue;
      }
      for (int local : locals) {
        candidates.add(new Tunables(tile[0], tile[1], local, base.elementwiseLocal(), base.scratchFloats()));
      }
    }
    out.printf(Locale.ROOT, "tuning the GEMM for %s (once per device and driver): %d candidates ...%n",
        device.info().name(), candidates.size());
    Tunables best = null;
    double bestGflops = 0;
    double defaultGflops = 0;
    for (Tunables t : candidates) {
      double gflops;
      try {
        // the harmonic mean of the two shapes: the rate at which both together run
        double square = GemmBenchmark.gflops(device, t, N, RUNS);
        double convolution = GemmBenchmark.gflops(device, t, 256, 6144, 2400, RUNS);
        gflops = 2 / (1 / square + 1 / convolution);
      } catch (RuntimeException failed) {
        out.printf(Locale.ROOT, "  TM=%d TNV=%d local=%d: failed (%s), skipped%n", t.tm(), t.tnv(), t.gemmLocal(),
            failed.getMessage().lines().findFirst().orElse(""));
        continue;
      }
      out.printf(Locale.ROOT, "  TM=%2d TNV=%d local=%2d: %7.1f GFLOP/s (square and convolution shapes)%n", t.tm(),
          t.tnv(), t.gemmLocal(), gflops);
      if (t.tm() == base.tm() && t.tnv() == base.tnv() && t.gemmLocal() == base.gemmLocal()) {
        defaultGflops = gflops;
      }
      if (gflops > bestGflops) {
        bestGflops = gflops;
        best = t;
      }
    }
    if (best == null || (defaultGflops > 0 && bestGflops < defaultGflops * MARGIN)) {
      best = base;
      bestGflops = defaultGflops;
    }
    return new TuningDatabase.Entry(device.info().cacheIdentity(), best.tm(), best.tnv(), best.gemmLocal(),
        best.elementwiseLocal(), Math.round(bestGflops * 10) / 10.0, LocalDate.now().toString());
  }
}
