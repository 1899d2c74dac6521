package netforge.processor.kernel;

import com.palantir.javapoet.CodeBlock;

/**
 * Java launch statements for the {@link SharedKernels}, so the stage writers state what they pack and multiply,
 * not the argument order. Every argument is a Java expression evaluated in the generated code.
 */
final class Launches {
  private Launches() {}

  /** Strided view of a buffer as a GEMM operand. */
  record Strided(String buffer, String offset, String rowStride, String group, String groupStride,
      String columnStride) {
    /** A plain row-major matrix with rows {@code rowStride} apart, at {@code offset}. */
    static Strided matrix(String buffer, String offset, String rowStride) {
      return new Strided(buffer, offset, rowStride, "1", "1", "0");
    }

    /** The transpose of a row-major matrix whose rows are {@code rowStride} apart. */
    static Strided transposed(String buffer, String offset, String rowStride) {
      return new Strided(buffer, offset, "1", "1", rowStride, "0");
    }
  }

  /** Packs A ({@code rows x depth}) from {@code source} into {@code target}. */
  static void packRows(CodeBlock.Builder java, Strided source, String target, String rows, String depth) {
    java.addStatement("p.pack(p.kernel($S).set(0, $L).set(1, p.buffer($S)).set(2, $L).set(3, $L).set(4, (long) $L)"
        + ".set(5, (long) $L).set(6, $L).set(7, (long) $L).set(8, (long) $L), $L, Pass.strips($L, p.tm()))",
        SharedKernels.PACK_ROWS, source.buffer(), target, rows, depth, source.offset(), source.rowStride(),
        source.group(), source.groupStride(), source.columnStride(), depth, rows);
  }

  /** Packs B ({@code depth x columns}) from {@code source} into {@code target}. */
  static void packColumns(CodeBlock.Builder java, Strided source, String target, String columns, String depth) {
    java.addStatement("p.pack(p.kernel($S).set(0, $L).set(1, p.buffer($S)).set(2, $L).set(3, $L).set(4, (long) $L)"
        + ".set(5, (long) $L).set(6, $L).set(7, (long) $L).set(8, (long) $L), $L, Pass.strips($L, p.tn()))",
        SharedKernels.PACK_COLUMNS, source.buffer(), target, columns, depth, source.offset(), source.rowStride(),
        source.group(), source.groupStride(), source.columnStride(), depth, columns);
  }

  /** {@code C = A x B} from packed {@code a}, {@code b} into {@code c} at {@code offset}, rows {@code ldc} apart. */
  static void gemmStore(CodeBlock.Builder java, String a, String b, String rows, String columns, String depth,
      String c, String offset, String ldc, String accumulate) {
    java.addStatement("p.gemm(p.kernel($S).set(0, p.buffer($S)).set(1, p.buffer($S)).set(2, $L).set(3, $L)"
        + ".set(4, $L).set(5, $L).set(6, (long) $L).set(7, (long) $L).set(8, $L), Pass.strips($L, p.tm()), "
        + "Pass.strips($L, p.tn()))", SharedKernels.GEMM_STORE, a, b, rows, columns, depth, c, offset, ldc,
        accumulate, rows, columns);
  }
}
