package netforge.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.List;
import netforge.processor.kernel.PlannedBuffer;
import netforge.processor.kernel.ScratchUse;
import netforge.processor.kernel.ScratchUse.Batch;
import netforge.processor.kernel.ScratchUse.ChunkColumns;
import netforge.processor.kernel.ScratchUse.ColumnBlock;
import netforge.processor.kernel.ScratchUse.ColumnStrips;
import netforge.processor.kernel.ScratchUse.Extent;
import netforge.processor.kernel.ScratchUse.Fixed;
import netforge.processor.kernel.ScratchUse.Matrix;
import netforge.processor.kernel.ScratchUse.RowStrips;
import netforge.processor.runtime.RuntimeTypes;

/**
 * A planned buffer's size as the Java expression the generated {@code buffers(batch, t)} evaluates: a long, over
 * the batch size {@code batch} and the Tunables {@code t}. Strips and chunks are counted by the runtime's
 * {@code Pass} helpers, the very ones the launches use, so a buffer always holds what its launches write.
 */
final class BufferSizeWriter {
  private static final ClassName PASS = RuntimeTypes.PASS;

  private BufferSizeWriter() {}

  static CodeBlock size(PlannedBuffer.Size size) {
    if (size instanceof PlannedBuffer.PerImage perImage) {
      return CodeBlock.of("(long) batch * $LL", perImage.elements());
    } else if (size instanceof PlannedBuffer.PerRow) {
      return CodeBlock.of("(long) batch");
    } else if (size instanceof PlannedBuffer.Fixed fixed) {
      return CodeBlock.of("$LL", fixed.elements());
    }
    List<ScratchUse> uses = ((PlannedBuffer.LargestOf) size).uses();
    CodeBlock.Builder largestUse = CodeBlock.builder().add("$T.largest(", PASS).indent();
    for (int i = 0; i < uses.size(); i++) {
      largestUse.add("\n$L$L", use(uses.get(i)), i + 1 < uses.size() ? "," : "");
    }
    return largestUse.unindent().add(")").build();
  }

  static CodeBlock use(ScratchUse use) {
    if (use instanceof RowStrips strips) {
      return CodeBlock.of("$T.strips($L, t.tm()) * t.tm() * $L", PASS, count(strips.rows()), factor(strips.depth()));
    } else if (use instanceof ColumnStrips strips) {
      return CodeBlock.of("$T.strips($L, t.tn()) * t.tn() * $L", PASS, count(strips.columns()),
          factor(strips.depth()));
    } else if (use instanceof ColumnBlock block) {
      return CodeBlock.of("(long) $T.columnsPerPack(t, $L, $L) * $LL", PASS, block.total(), block.depth(),
          block.depth());
    }
    Matrix matrix = (Matrix) use;
    return CodeBlock.of("$L * $L", factor(matrix.rows()), factor(matrix.columns()));
  }

  /** An extent as what {@code Pass.strips} divides into tiles (a {@code long} parameter, so no cast is needed). */
  private static CodeBlock count(Extent extent) {
    if (extent instanceof Fixed fixed) {
      return CodeBlock.of("$L", fixed.value());
    } else if (extent instanceof Batch) {
      return CodeBlock.of("batch");
    }
    return chunkColumns((ChunkColumns) extent);
  }

  /** An extent as a factor of a product: a {@code long}, so that no product of sizes overflows an int. */
  private static CodeBlock factor(Extent extent) {
    if (extent instanceof Fixed fixed) {
      return CodeBlock.of("$LL", fixed.value());
    } else if (extent instanceof Batch) {
      return CodeBlock.of("(long) batch");
    }
    return chunkColumns((ChunkColumns) extent);
  }

  private static CodeBlock chunkColumns(ChunkColumns chunk) {
    return CodeBlock.of("(long) $T.chunkFor(t, batch, $LL) * $L", PASS, chunk.floatsPerImage(), chunk.pixels());
  }
}
