package netforge.runtime.internal;

import java.util.Map;
import netforge.runtime.cl.ClBuffer;
import netforge.runtime.cl.ClKernel;
import netforge.runtime.cl.ClProgramSet;

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
  private final Tunables tunables;
  private final int batch;
  private final boolean training;
  private final long seed;
  private final int step;

  Pass(ClProgramSet program, netforge.runtime.cl.Profiler profiler, Map<String, ClBuffer> buffers, ClBuffer params,
      ClBuffer grads, Tunables tunables, int batch, boolean training, long seed, int step) {
    this.program = program;
    this.profiler = profiler;
    this.buffers = buffers;
    this.params = params;
    this.grads = grads;
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

  /** A GEMM over {@code mStrips x nStrips} register tiles. */
  public void gemm(ClKernel kernel, long mStrips, long nStrips) {
    int local = tunables.gemmLocal();
    kernel.launch(new long[] {mStrips, nStrips}, local == 0 ? null : new long[] {local, local});
  }

  /** A packing kernel over {@code depth} k-rows of {@code strips} strips. */
  public void pack(ClKernel kernel, long depth, long strips) {
    int local = tunables.elementwiseLocal();
    kernel.launch(new long[] {roundUp(depth, local), strips}, new long[] {local, 1});
  }

  /** A one-dimensional kernel over {@code n} items; the kernel ignores ids past {@code n}. */
  public void each(ClKernel kernel, long n) {
    int local = tunables.elementwiseLocal();
    kernel.launch(new long[] {roundUp(n, local)}, new long[] {local});
  }

  static long roundUp(long n, long multiple) {
    return (n + multiple - 1) / multiple * multiple;
  }
}
