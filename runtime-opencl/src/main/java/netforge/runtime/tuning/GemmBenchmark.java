package netforge.runtime.tuning;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import netforge.runtime.Device;
import netforge.runtime.cl.ClBuffer;
import netforge.runtime.cl.ClKernel;
import netforge.runtime.cl.ClProgram;
import netforge.runtime.cl.Profiler;
import netforge.runtime.cl.ProgramCache;
import netforge.runtime.cl.ProgramSource;
import netforge.runtime.kernel.SharedKernelArguments.GemmStore;
import netforge.runtime.kernel.SharedKernelArguments.PackColumns;
import netforge.runtime.kernel.SharedKernelArguments.PackRows;

/**
 * Times the shared GEMM of every generated program ({@code nf_gemm_store}, the kernel of every backward product) on
 * square matrices: packing of both operands excluded, the fastest device time of a few runs from OpenCL profiling
 * events. Its source, {@value #SOURCE}, is the processor's rendering of the kernels every program shares (their
 * header and section, the same text in every network's program; a processor test keeps the copy equal), so tuning
 * needs no network.
 */
public final class GemmBenchmark {
  /** The shared kernels' program, a class-path resource beside this class. */
  static final String SOURCE = "shared-kernels.cl";

  private GemmBenchmark() {}

  /** GFLOP/s of {@code C = A x B} at {@code n x n x n} with {@code tunables}; the fastest of {@code runs}. */
  public static double gflops(Device device, Tunables tunables, int n, int runs) {
    return gflops(device, tunables, n, n, n, runs);
  }

  /** GFLOP/s of {@code C[m x n] = A[m x k] x B[k x n]}; the fastest of {@code runs}. */
  public static double gflops(Device device, Tunables tunables, int m, int n, int k, int runs) {
    Profiler profiler = new Profiler();
    String source = ProgramSource.besides(GemmBenchmark.class, SOURCE);
    try (ClProgram program = ClProgram.build(device, "shared GEMM", source, tunables.buildOptions(),
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
        // row-major matrices, rows k and n apart, packed as the generated code packs them
        ClKernel packRows = new PackRows(program.kernel(PackRows.KERNEL)).src(a).ap(ap).mRows(m).kDepth(k)
            .offset(0).rowStride(k).grp(1).grpStride(1).colStride(0).kernel();
        packRows.launch(new long[] {roundUp((k + 15) / 16, tunables.elementwiseLocal()), (m + tm - 1) / tm},
            new long[] {tunables.elementwiseLocal(), 1});
        ClKernel packColumns = new PackColumns(program.kernel(PackColumns.KERNEL)).src(b).bp(bp).nCols(n).kDepth(k)
            .offset(0).rowStride(n).grp(1).grpStride(1).colStride(0).kernel();
        packColumns.launch(new long[] {roundUp(k, tunables.elementwiseLocal()), (n + tn - 1) / tn},
            new long[] {tunables.elementwiseLocal(), 1});
        ClKernel gemm = new GemmStore(program.kernel(GemmStore.KERNEL)).ap(ap).bp(bp).mRows(m).nCols(n).kDepth(k)
            .nFastest(0).c(c).offset(0).ldc(n).accumulate(0).kernel();
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
          seconds[r] = profiler.totals().get(GemmStore.KERNEL)[0] / 1e9;
        }
        Arrays.sort(seconds);
        return 2.0 * m * n * k / seconds[0] / 1e9;
      }
    }
  }

  private static long roundUp(long n, long multiple) {
    return (n + multiple - 1) / multiple * multiple;
  }

  /** The sizes the GEMM target names. */
  public static final List<Integer> REFERENCE_SIZES = List.of(1024, 2048);
}
