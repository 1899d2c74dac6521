package netforge.processor.kernel;

import java.util.List;

/**
 * One batch buffer of a planned network and the number of 32-bit elements it holds.
 *
 * @param name the buffer's name
 * @param size how many elements it holds, for a given batch size and tunables
 */
public record PlannedBuffer(BufferName name, Size size) {

  /** A buffer's element count. */
  public sealed interface Size permits PerImage, PerRow, LargestOf, Fixed {}

  /** {@code elements} for every image of the batch: an activation, a gradient, an argmax, the input. */
  public record PerImage(long elements) implements Size {}

  /** One element per image: the labels and the loss's per-image results. */
  public record PerRow() implements Size {}

  /** {@code elements} whatever the batch: what a stage keeps per channel, such as a BatchNorm's batch statistics. */
  public record Fixed(long elements) implements Size {}

  /** A scratch buffer, shared by the stages: the largest of their uses. */
  public record LargestOf(List<ScratchUse> uses) implements Size {
    public LargestOf {
      uses = List.copyOf(uses);
    }
  }
}
