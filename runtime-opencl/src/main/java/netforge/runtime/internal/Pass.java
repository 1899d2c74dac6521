package netforge.runtime.internal;

import java.util.Map;
import netforge.runtime.cl.ClBuffer;
import netforge.runtime.cl.ClKernel;
import netforge.runtime.cl.ClProgramSet;
import netforge.runtime.kernel.ColumnPackArguments;
import netforge.runtime.kernel.GemmArguments;
import netforge.runtime.kernel.KernelArguments;
import netforge.runtime.kernel.RowPackArguments;
import netforge.runtime.tuning.Tunables;

/**
 * Everything one pass of generated launch code needs: the batch, the mode, the dropout key, the buffers, the
 * kernels and the launch geometry. Created by {@link Engine} for each pass.
 */
public final class Pass {
  private final ClProgramSet program;
  private final netforge.runtime.cl.Profiler profiler;
  private final Map<String, ClBuffer> buffers;
  private final ClBuffer params;
  private final ClBuffer grads;
  private final ClBuffer state;
  private final Tunables tunables;
  private final int batch;
  private final boolean training;
  private final long seed;
  private final int step;

  Pass(ClProgramSet program, netforge.runtime.cl.Profiler profiler, Map<String, ClBuffer> buffers, ClBuffer params,
      ClBuffer grads, ClBuffer state, Tunables tunables, int batch, boolean training, long seed, int step) {
    this.program = program;
    this.profiler = profiler;
    this.buffers = buffers;
    this.params = params;
    this.grads = grads;
    this.state = state;
    this.tunables = tunables;
    this.batch = batch;
    this.training = training;
    this.seed = seed;
    this.step = step;
  }

  public int batch() {
    return batch;
  }

  /** 1 in training (dropout on), 0 in evaluation: the kernels' {@code training} argument. */
  public int training() {
    return training ? 1 : 0;
  }

  /** The dropout key: the model's seed. */
  public long seed() {
    return seed;
  }

  /** The dropout key: the training step. */
  public int step() {
    return step;
  }

  public ClBuffer params() {
    return params;
  }

  public ClBuffer grads() {
    return grads;
  }

  /** The running statistics of the network's BatchNorms, which training passes update. */
  public ClBuffer state() {
    if (state == null) {
      throw new IllegalStateException("this network has no state buffer: it has no BatchNorm");
    }
    return state;
  }

  /**
   * Refuses a training pass in which the BatchNorm {@code batchNorm}, which sees one value per channel and image
   * (after a dense layer, or of a 1x1 image), would have one value per channel: its batch variance would be 0 and
   * its unbiased running variance 0 / 0. PyTorch refuses such a batch too. Evaluation uses the running statistics,
   * so any batch is fine there.
   */
  public void requireTwoValuesPerChannel(String batchNorm) {
    if (training && batch < 2) {
      throw new IllegalArgumentException("the BatchNorm " + batchNorm + " has one value per channel and image, so a"
          + " training batch needs at least 2 images (as in PyTorch, which expects more than 1 value per channel"
          + " when training), but this one has " + batch);
    }
  }

  public ClBuffer buffer(String name) {
    ClBuffer buffer = buffers.get(name);
    if (buffer == null) {
      throw new IllegalStateException("no buffer " + name + " was allocated");
    }
    return buffer;
  }

  /** Names the stage whose kernels follow, for the profiler; free when profiling is off. */
  public void scope(String scope) {
    profiler.scope(scope);
  }

  public ClKernel kernel(String name) {
    return program.kernel(name);
  }

  public int tm() {
    return tunables.tm();
  }

  public int tn() {
    return tunables.tn();
  }

  /** Images per im2col chunk: as many as fit {@link Tunables#scratchFloats()}, at least one. */
  public int chunk(long floatsPerImage) {
    return chunkFor(tunables, batch, floatsPerImage);
  }

  /** Images per im2col chunk for a batch, as {@link #chunk} computes it; used to size scratch buffers. */
  public static int chunkFor(Tunables tunables, int batch, long floatsPerImage) {
    return (int) Math.max(1, Math.min(batch, tunables.scratchFloats() / Math.max(1, floatsPerImage)));
  }

  /**
   * Columns of a {@code depth x total} B operand to pack at a time so the packed block stays within
   * {@link Tunables#scratchFloats()}: a multiple of TN, at least one strip, at most all columns.
   */
  public int columnsPerPack(long total, long depth) {
    return columnsPerPack(tunables, total, depth);
  }

  public static int columnsPerPack(Tunables t, long total, long depth) {
    long strips = Math.max(1, t.scratchFloats() / Math.max(1, depth) / t.tn());
    return (int) Math.min(strips * t.tn(), strips(total, t.tn()) * t.tn());
  }

  /** The largest of several buffer sizes: a scratch buffer serves every stage that uses it. */
  public static long largest(long... sizes) {
    long largest = 0;
    for (long size : sizes) {
      largest = Math.max(largest, size);
    }
    return largest;
  }

  /** Tiles of {@code tile} needed to cover {@code n}. */
  public static long strips(long n, int tile) {
    return (n + tile - 1) / tile;
  }

  /**
   * Launches a GEMM kernel ({@code C[m x n] = A[m x k] B[k x n]} over register tiles) after setting its sizes. The
   * larger operand is walked in the slow grid dimension, so each of its strips is read from memory once while the
   * smaller operand's strips, reused across it, stay in cache.
   */
  public void gemm(GemmArguments gemm, long rows, long columns, long depth) {
    long mStrips = strips(rows, tunables.tm());
    long nStrips = strips(columns, tunables.tn());
    boolean nFastest = mStrips * tunables.tm() > nStrips * tunables.tn();
    gemm.mRows((int) rows).nCols((int) columns).kDepth((int) depth).nFastest(nFastest ? 1 : 0);
    int local = tunables.gemmLocal();
    long[] global = nFastest ? new long[] {nStrips, mStrips} : new long[] {mStrips, nStrips};
    gemm.kernel().launch(global, local == 0 ? null : new long[] {local, local});
  }

  /** Packs an A operand ({@code rows x depth}) into strips of TM rows, after setting its sizes. */
  public void packRows(RowPackArguments pack, long rows, long depth) {
    pack.mRows((int) rows).kDepth((int) depth);
    int local = tunables.elementwiseLocal();
    // one work-item per block of PACK_BLOCK values of k, for a strip of TM rows
    pack.kernel().launch(new long[] {roundUp(strips(depth, PACK_BLOCK), local), strips(rows, tunables.tm())},
        new long[] {local, 1});
  }

  /** Packs a B operand ({@code depth x columns}) into strips of TN columns, after setting its sizes. */
  public void packColumns(ColumnPackArguments pack, long columns, long depth) {
    pack.nCols((int) columns).kDepth((int) depth);
    int local = tunables.elementwiseLocal();
    pack.kernel().launch(new long[] {roundUp(depth, local), strips(columns, tunables.tn())}, new long[] {local, 1});
  }

  /** Values of k one work-item of {@code nf_pack_rows} moves: one 16-wide vector per row. */
  static final int PACK_BLOCK = 16;

  /** A one-dimensional kernel over {@code n} items; the kernel ignores ids past {@code n}. */
  public void each(KernelArguments kernel, long n) {
    int local = tunables.elementwiseLocal();
    kernel.kernel().launch(new long[] {roundUp(n, local)}, new long[] {local});
  }

  static long roundUp(long n, long multiple) {
    return (n + multiple - 1) / multiple * multiple;
  }
}
