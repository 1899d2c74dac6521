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

    KernelCall call(String kernel, String target) {
      return KernelCall.of(kernel).arg(0, buffer).arg(1, KernelCall.buffer(target)).args(4, "(long) " + offset,
          "(long) " + rowStride, group, "(long) " + groupStride, "(long) " + columnStride);
    }
  }

  /** Packs A ({@code rows x depth}) from {@code source} into {@code target}. */
  static void packRows(CodeBlock.Builder java, Strided source, String target, String rows, String depth) {
    java.addStatement("p.packRows($L, $L, $L)", source.call(SharedKernels.PACK_ROWS, target), rows, depth);
  }

  /** Packs B ({@code depth x columns}) from {@code source} into {@code target}. */
  static void packColumns(CodeBlock.Builder java, Strided source, String target, String columns, String depth) {
    java.addStatement("p.packColumns($L, $L, $L)", source.call(SharedKernels.PACK_COLUMNS, target), columns, depth);
  }

  /** {@code C = A x B} from packed {@code a}, {@code b} into {@code c} at {@code offset}, rows {@code ldc} apart. */
  static void gemmStore(CodeBlock.Builder java, String a, String b, String rows, String columns, String depth,
      String c, String offset, String ldc, String accumulate) {
    KernelCall call = KernelCall.of(SharedKernels.GEMM_STORE).arg(0, KernelCall.buffer(a)).arg(1, KernelCall.buffer(b))
        .args(6, c, "(long) " + offset, "(long) " + ldc, accumulate);
    java.addStatement("p.gemm($L, $L, $L, $L)", call, rows, columns, depth);
  }
}
