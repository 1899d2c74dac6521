package netforge.processor.kernel;

/**
 * How many elements one stage's use of a {@link Scratch} buffer needs: a packed operand or block whose size depends
 * on the batch and on the tunables (the strips of TM rows or TN columns, the images of an im2col chunk). A plain
 * value; {@code codegen} renders it as the Java expression the generated {@code buffers} method evaluates, through
 * the runtime's {@code Pass} helpers, so that sizes and launches agree on strips and chunks.
 */
public sealed interface ScratchUse {
  /** The batch size, the one dimension only known at run time. */
  Extent BATCH = new Batch();

  /** A dimension known when the network is compiled. */
  static Extent fixed(long value) {
    return new Fixed(value);
  }

  /** An A operand: {@code rows} packed in strips of TM rows, {@code depth} deep. */
  record RowStrips(Extent rows, Extent depth) implements ScratchUse {}

  /** A B operand: {@code columns} packed in strips of TN columns, {@code depth} deep. */
  record ColumnStrips(Extent columns, Extent depth) implements ScratchUse {}

  /**
   * A block of weight columns, {@code depth} deep, out of {@code total}: as many whole strips as the scratch bound
   * allows ({@code Pass.columnsPerPack}).
   */
  record ColumnBlock(long total, long depth) implements ScratchUse {}

  /** A plain {@code rows x columns} matrix, such as a convolution's column gradient. */
  record Matrix(Extent rows, Extent columns) implements ScratchUse {}

  /** One dimension of a use. */
  sealed interface Extent {}

  /** A size known when the network is compiled. */
  record Fixed(long value) implements Extent {}

  /** The batch size. */
  record Batch() implements Extent {}

  /**
   * The columns of one im2col chunk: the images per chunk ({@code Pass.chunkFor}: as many as fit the scratch bound
   * at {@code floatsPerImage} each, at most the batch) times {@code pixels} per image.
   */
  record ChunkColumns(long floatsPerImage, long pixels) implements Extent {}
}
