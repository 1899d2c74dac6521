package netforge.runtime.tuning;

import java.util.Locale;
import netforge.runtime.DeviceInfo;
import netforge.runtime.DeviceType;
import netforge.runtime.io.TuningDataException;
import netforge.runtime.io.TuningDatabase;

/**
 * The tunable parameters of generated kernels, passed to the OpenCL compiler as macros and used by the launch
 * code for geometry. {@code tm x 16*tnv} is the tile of C one GEMM work-item keeps in registers;
 * {@code scratchFloats} bounds the im2col buffer, which sets how many images a convolution processes per chunk.
 *
 * @param tm rows of the GEMM register tile (the {@code TM} macro)
 * @param tnv 16-wide vectors per row of the tile (the {@code TNV} macro); the tile has {@code 16 * tnv} columns
 * @param gemmLocal work-group size of GEMM launches in both dimensions; 0 lets the driver choose
 * @param elementwiseLocal work-group size of one-dimensional launches
 * @param scratchFloats the most floats one im2col chunk may use
 */
public record Tunables(int tm, int tnv, int gemmLocal, int elementwiseLocal, long scratchFloats) {

  /** What a CPU (PoCL) runs well, measured on AVX-512: a 12x32 tile in 24 float16 accumulators. */
  public static final Tunables CPU_DEFAULT = new Tunables(12, 2, 1, 64, 16L << 20);

  /** A safe start for GPUs until a search has run. */
  public static final Tunables GPU_DEFAULT = new Tunables(8, 1, 0, 256, 64L << 20);

  public Tunables {
    if (tm < 1 || tm > 32 || tnv < 1 || tnv > 4 || gemmLocal < 0 || elementwiseLocal < 1 || scratchFloats < 1) {
      throw new IllegalArgumentException("tunables out of range: " + this);
    }
  }

  /** The documented defaults for a type of device, used until a search has stored tuned values. */
  public static Tunables defaults(DeviceType type) {
    return type == DeviceType.CPU ? CPU_DEFAULT : GPU_DEFAULT;
  }

  /** A stored search result, with the scratch bound (which no search varies) taken from {@code base}. */
  public static Tunables of(TuningDatabase.Entry tuned, Tunables base) {
    return new Tunables(tuned.tm(), tuned.tnv(), tuned.gemmLocal(), tuned.elementwiseLocal(), base.scratchFloats());
  }

  /**
   * What the standard tuning database holds for {@code device}, or the defaults. Tile sizes never change results
   * (each output element is one work-item's sum in k order), so damaged tuning data only costs speed: it is
   * ignored here and reported by the tools that search ({@link Tuner}).
   */
  public static Tunables forDevice(DeviceInfo device) {
    Tunables defaults = defaults(device.type());
    try {
      return TuningDatabase.standard().lookup(device.cacheIdentity()).map(e -> of(e, defaults)).orElse(defaults);
    } catch (TuningDataException | IllegalArgumentException e) {
      return defaults;
    }
  }

  /** Columns of the GEMM tile. */
  public int tn() {
    return 16 * tnv;
  }

  /** The compiler options that set the kernel macros. */
  public String buildOptions() {
    return String.format(Locale.ROOT, "-cl-mad-enable -DTM=%d -DTNV=%d", tm, tnv);
  }
}
