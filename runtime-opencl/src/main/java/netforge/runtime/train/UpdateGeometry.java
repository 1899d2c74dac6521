package netforge.runtime.train;

import java.util.Locale;
import netforge.runtime.DeviceInfo;
import netforge.runtime.DeviceType;

/**
 * How an optimizer update launch splits the flat buffers: each work-item owns a contiguous block of
 * {@code vectorsPerItem} vectors of {@code vectorWidth} floats, in work-groups of {@code localSize}. The local size
 * is always set explicitly, because PoCL given a NULL local size makes a few giant work-groups and a late thread
 * stalls the whole launch.
 *
 * @param vectorWidth floats per vector load and store (the {@code VW} macro): 4, 8 or 16
 * @param vectorsPerItem vectors in one work-item's block (the {@code VECS_PER_ITEM} macro)
 * @param localSize work-items per work-group
 */
public record UpdateGeometry(int vectorWidth, int vectorsPerItem, int localSize) {

  /**
   * CPUs: each work-item streams 4 float16 vectors (1 KiB of each buffer) with AVX-512 loads, 64 work-items per
   * group, so a group walks 64 KiB runs and a network has thousands of groups to share between threads. Measured
   * with {@code OptimizerBenchmark} on the 2-core EPYC over 58.3 M parameters (best of 12): Adam 27-37 ms a step
   * (45-60 GB/s of buffer traffic), SGD 12-17 ms. Blocks of 1 to 16 vectors and groups of 16 to 256 were all within
   * the machine's noise of this; float8 vectors were no better.
   */
  public static final UpdateGeometry CPU_DEFAULT = new UpdateGeometry(16, 4, 64);

  /**
   * GPUs: one float4 per work-item, so neighbouring work-items touch neighbouring memory (coalesced). Not yet
   * measured on a GPU.
   */
  public static final UpdateGeometry GPU_DEFAULT = new UpdateGeometry(4, 1, 256);

  public UpdateGeometry {
    if (vectorWidth != 4 && vectorWidth != 8 && vectorWidth != 16) {
      throw new IllegalArgumentException("vector width must be 4, 8 or 16, was " + vectorWidth);
    }
    if (vectorsPerItem < 1 || localSize < 1) {
      throw new IllegalArgumentException("vectors per item and local size must be at least 1: " + this);
    }
  }

  public static UpdateGeometry forDevice(DeviceInfo device) {
    return device.type() == DeviceType.CPU ? CPU_DEFAULT : GPU_DEFAULT;
  }

  /** Elements one work-item updates. */
  public long block() {
    return (long) vectorWidth * vectorsPerItem;
  }

  /** Work-items for {@code count} elements: one per block, rounded up to whole work-groups. */
  public long globalSize(long count) {
    long items = (count + block() - 1) / block();
    return (items + localSize - 1) / localSize * localSize;
  }

  /** The macros the kernel source reads. */
  public String buildOptions() {
    return String.format(Locale.ROOT, "-DVW=%d -DVECS_PER_ITEM=%d", vectorWidth, vectorsPerItem);
  }
}
