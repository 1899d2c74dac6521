package netforge.processor.codegen;

import static netforge.processor.kernel.ScratchUse.BATCH;
import static netforge.processor.kernel.ScratchUse.fixed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import netforge.processor.kernel.PlannedBuffer;
import netforge.processor.kernel.ScratchUse.ChunkColumns;
import netforge.processor.kernel.ScratchUse.ColumnBlock;
import netforge.processor.kernel.ScratchUse.ColumnStrips;
import netforge.processor.kernel.ScratchUse.Matrix;
import netforge.processor.kernel.ScratchUse.RowStrips;
import org.junit.jupiter.api.Test;

/** Buffer sizes as the Java the generated {@code buffers(batch, t)} evaluates. */
class BufferSizeWriterTest {
  private static final String PASS = "netforge.runtime.internal.Pass";
  private static final ChunkColumns CHUNK = new ChunkColumns(7056, 784);

  @Test
  void perImage_andPerRow_scaleTheBatchAsALong() {
    assertEquals("(long) batch * 3136L", BufferSizeWriter.size(new PlannedBuffer.PerImage(3136)).toString());
    assertEquals("(long) batch", BufferSizeWriter.size(new PlannedBuffer.PerRow()).toString());
  }

  @Test
  void strips_countTilesOfTheExtent_andMultiplyByTheDepthAsALong() {
    assertEquals(PASS + ".strips(4, t.tm()) * t.tm() * 9L",
        BufferSizeWriter.use(new RowStrips(fixed(4), fixed(9))).toString());
    assertEquals(PASS + ".strips(batch, t.tm()) * t.tm() * 16L",
        BufferSizeWriter.use(new RowStrips(BATCH, fixed(16))).toString());
    assertEquals(PASS + ".strips(36, t.tn()) * t.tn() * (long) batch",
        BufferSizeWriter.use(new ColumnStrips(fixed(36), BATCH)).toString());
    assertEquals(PASS + ".strips((long) " + PASS + ".chunkFor(t, batch, 7056L) * 784, t.tn()) * t.tn() * 9L",
        BufferSizeWriter.use(new ColumnStrips(CHUNK, fixed(9))).toString());
  }

  @Test
  void aColumnBlock_isAsManyColumnsAsThePackerTakes_andAMatrixIsAPlainProduct() {
    assertEquals("(long) " + PASS + ".columnsPerPack(t, 36, 16) * 16L",
        BufferSizeWriter.use(new ColumnBlock(36, 16)).toString());
    assertEquals("9L * (long) " + PASS + ".chunkFor(t, batch, 7056L) * 784",
        BufferSizeWriter.use(new Matrix(fixed(9), CHUNK)).toString());
  }

  @Test
  void aScratchBuffer_isTheLargestOfItsUses_oneALine() {
    assertEquals(PASS + ".largest(\n  " + PASS + ".strips(4, t.tm()) * t.tm() * 9L,\n  (long) " + PASS
        + ".columnsPerPack(t, 36, 16) * 16L)", BufferSizeWriter.size(new PlannedBuffer.LargestOf(List.of(
            new RowStrips(fixed(4), fixed(9)), new ColumnBlock(36, 16)))).toString());
    assertEquals(PASS + ".largest()", BufferSizeWriter.size(new PlannedBuffer.LargestOf(List.of())).toString());
  }
}
