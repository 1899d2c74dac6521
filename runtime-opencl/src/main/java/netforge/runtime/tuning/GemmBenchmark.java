package netforge.runtime.tuning;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import netforge.runtime.Device;
import netforge.runtime.cl.ClBuffer;
import netforge.runtime.cl.ClKernel;
import netforge.runtime.cl.ClProgram;
import netforge.runtime.cl.ClProgramSet;
import netforge.runtime.cl.Profiler;
import netforge.runtime.cl.ProgramCache;
import netforge.runtime.internal.Tunables;

/**
 * Times the shared GEMM of a generated program ({@code nf_gemm_store}, the kernel of every backward product) on
 * square matrices: packing of both operands excluded, the fastest device time of a few runs from OpenCL
 * profiling events. The source is the shared section of any generated program: every network emits the same one.
 */
public final class GemmBenchmark {
  static final String SHARED_SECTION = ClProgramSet.SECTION + "shared kernels";
  private static final String PACK_ROWS = "nf_pack_rows";
  private static final String PACK_COLUMNS = "nf_pack_columns";
  private static final String GEMM = "nf_gemm_store";

  private GemmBenchmark() {}

  /** The program header and the shared section of a generated program. */
  public static String sharedSource(String programSource) {
    int start = programSource.indexOf(SHARED_SECTION);
    if (start < 0) {
      throw new IllegalArgumentException("the program has no shared-kernel section ('" + SHARED_SECTION + "')");
    }
    int header = programSource.indexOf("\n" + ClProgramSet.SECTION);
    int end = programSource.indexOf("\n" + ClProgramSet.SECTION, start + 1);
    return programSource.substring(0, header + 1) + programSource.substring(start, end < 0 ? programSource.length()
        : end + 1);
  }

  /** GFLOP/s of {@code C = A x B} at {@code n x n x n} with {@code tunables}; the fastest of {@code runs}. */
  public static double gflops(Device device, String sharedSource, Tunables tunables, int n, int runs) {
    return gflops(device, sharedSource, tunables, n, n, n, runs);
  }

  /** GFLOP/s of {@code C[m x n] = A[m x k] x B[k x n]}; the fastest of {@code runs}. */
  public static double gflops(Device device, String sharedSource, Tunables tunables, int m, int n, int k, int runs) {
    Profiler profiler = new Profiler();
    try (ClProgram program = ClProgram.build(device, "shared GEMM", sharedSource, tunables.buildOptions(),
        ProgramCache.standard(), profiler)) {
      int tm = tunables.tm();
      int tn = tunables.tn();
      long aPacked = (long) ((m + tm - 1) / tm) * tm * k;
      long bPacked = (long) ((n + tn - 1) / tn) * tn * k;
      float[] values = new float[Math.max(m, n) * k];
      Random random = new Random(1);
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextFloat() - 0.5f;
      }
      try (ClBuffer a = ClBuffer.allocate(device, "A", (long) m * k);
          ClBuffer b = ClBuffer.allocate(device, "B", (long) k * n);
          ClBuffer ap = ClBuffer.allocate(device, "packed A", aPacked);
          ClBuffer bp = ClBuffer.allocate(device, "packed B", bPacked);
          ClBuffer c = ClBuffer.allocate(device, "C", (long) m * n)) {
        a.write(values, 0, 0, m * k);
        b.write(values, 0, 0, k * n);
        ClKernel packRows = program.kernel(PACK_ROWS);
        setStrided(packRows, a, ap, m, k, k);
        packRows.launch(new long[] {roundUp((k + 15) / 16, tunables.elementwiseLocal()), (m + tm - 1) / tm},
            new long[] {tunables.elementwiseLocal(), 1});
        ClKernel packColumns = program.kernel(PACK_COLUMNS);
        setStrided(packColumns, b, bp, n, k, n);
        packColumns.launch(new long[] {roundUp(k, tunables.elementwiseLocal()), (n + tn - 1) / tn},
            new long[] {tunables.elementwiseLocal(), 1});
        ClKernel gemm = program.kernel(GEMM);
        gemm.set(0, ap).set(1, bp).set(2, m).set(3, n).set(4, k).set(5, 0).set(6, c).set(7, 0L).set(8, (long) n)
            .set(9, 0);
        long[] global = {(m + tm - 1) / tm, (n + tn - 1) / tn};
        long[] local = tunables.gemmLocal() == 0 ? null : new long[] {tunables.gemmLocal(), tunables.gemmLocal()};
        gemm.launch(global, local); // warm-up, including the driver's first-launch compile
        device.finish();
        double[] seconds = new double[runs];
        for (int r = 0; r < runs; r++) {
          profiler.reset();
          profiler.enable(true);
          gemm.launch(global, local);
          device.finish();
          profiler.collect();
          profiler.enable(false);
          seconds[r] = profiler.totals().get(GEMM)[0] / 1e9;
        }
        Arrays.sort(seconds);
        return 2.0 * m * n * k / seconds[0] / 1e9;
      }
    }
  }

  /** A row-major matrix with rows {@code rowLength} apart as the pack kernel's source. */
  private static void setStrided(ClKernel pack, ClBuffer source, ClBuffer target, int count, int depth,
      int rowLength) {
    pack.set(0, source).set(1, target).set(2, count).set(3, depth).set(4, 0L).set(5, (long) rowLength).set(6, 1)
        .set(7, 1L).set(8, 0L);
  }

  private static long roundUp(long n, long multiple) {
    return (n + multiple - 1) / multiple * multiple;
  }

  /** The sizes the GEMM target names. */
  public static final List<Integer> REFERENCE_SIZES = List.of(1024, 2048);
}
