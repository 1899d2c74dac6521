package netforge.processor.kernel;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netforge.processor.runtime.RuntimeTypes;

/**
 * What each stage needs of the {@link Scratch} buffers. Sizes are Java expressions over {@code batch} and
 * Tunables {@code t}, using {@code Pass}'s static helpers so that the launch code and the sizes agree on strips
 * and chunks.
 */
final class ScratchSizes {
  private final Map<BufferName, List<CodeBlock>> uses = new LinkedHashMap<>();

  ScratchSizes() {
    List.of(Scratch.A, Scratch.B, Scratch.W, Scratch.C).forEach(n -> uses.put(n, new ArrayList<>()));
  }

  void need(BufferName buffer, CodeBlock elements) {
    uses.get(buffer).add(elements);
  }

  Map<BufferName, List<CodeBlock>> uses() {
    return uses;
  }

  /** Elements of an A operand of {@code rows} packed in strips of TM rows, {@code depth} deep. */
  static CodeBlock rowStrips(Object rows, Object depth) {
    return CodeBlock.of("$T.strips($L, t.tm()) * t.tm() * $L", RuntimeTypes.PASS, rows, depth);
  }

  /** Elements of a B operand of {@code columns} packed in strips of TN columns, {@code depth} deep. */
  static CodeBlock columnStrips(Object columns, Object depth) {
    return CodeBlock.of("$T.strips($L, t.tn()) * t.tn() * $L", RuntimeTypes.PASS, columns, depth);
  }

  /** Columns of one im2col chunk: images per chunk (as {@code Pass.chunk} picks them) times pixels. */
  static CodeBlock chunkColumns(long floatsPerImage, long pixels) {
    return CodeBlock.of("(long) $T.chunkFor(t, batch, $L) * $L", RuntimeTypes.PASS, Names.longLiteral(floatsPerImage),
        pixels);
  }

  /** Elements of a block of weight columns, as {@code Pass.columnsPerPack} sizes it. */
  static CodeBlock columnBlock(long total, long depth) {
    return CodeBlock.of("(long) $T.columnsPerPack(t, $L, $L) * $L", RuntimeTypes.PASS, total, depth,
        Names.longLiteral(depth));
  }
}
