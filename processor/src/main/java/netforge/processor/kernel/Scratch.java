package netforge.processor.kernel;

/**
 * The scratch buffers stages share, each sized by its largest use ({@link ScratchSizes}): packed A operands of
 * activations, packed B operands, packed weights, and a convolution's column gradient.
 */
final class Scratch {
  static final BufferName A = BufferName.planned("scratchA");
  static final BufferName B = BufferName.planned("scratchB");
  static final BufferName W = BufferName.planned("scratchW");
  static final BufferName C = BufferName.planned("scratchC");

  private Scratch() {}
}
