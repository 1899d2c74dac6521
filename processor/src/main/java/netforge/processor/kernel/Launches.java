package netforge.processor.kernel;

import com.palantir.javapoet.CodeBlock;

/**
 * Java launch statements for the {@link SharedKernels}, so the stage writers state what they pack and multiply,
 * not the arguments one by one. Every argument is a Java expression evaluated in the generated code.
 */
final class Launches {
  static final CodeBlock PARAMS = CodeBlock.of("p.params()");
  static final CodeBlock GRADS = CodeBlock.of("p.grads()");

  private Launches() {}

  /** Strided view of a buffer as a GEMM operand (see {@link SharedKernels} for the addressing). */
  record Strided(CodeBlock buffer, String offset, String rowStride, String group, String groupStride,
      String columnStride) {
    /** A plain row-major matrix with rows {@code rowStride} apart, at {@code offset}. */
    static Strided matrix(CodeBlock buffer, String offset, String rowStride) {
      return new Strided(buffer, offset, rowStride, "1", "1", "0");
    }

    /** The transpose of a row-major matrix whose rows are {@code rowStride} apart. */
    static Strided transposed(CodeBlock buffer, String offset, String rowStride) {
      return new Strided(buffer, offset, "1", "1", rowStride, "0");
    }

    CodeBlock pack(Kernel kernel, String packed, BufferName target, ArgumentClasses classes) {
      return kernel.launch().bind("src", buffer).bind(packed, target).bind("offset", offset)
          .bind("row_stride", rowStride).bind("grp", group).bind("grp_stride", groupStride)
          .bind("col_stride", columnStride).code(classes);
    }
  }

  /** Packs A ({@code rows x depth}) from {@code source} into {@code target}. */
  static void packRows(CodeBlock.Builder java, ArgumentClasses classes, Strided source, BufferName target,
      String rows, String depth) {
    java.addStatement("p.packRows($L, $L, $L)", source.pack(SharedKernels.PACK_ROWS, "ap", target, classes), rows,
        depth);
  }

  /** Packs B ({@code depth x columns}) from {@code source} into {@code target}. */
  static void packColumns(CodeBlock.Builder java, ArgumentClasses classes, Strided source, BufferName target,
      String columns, String depth) {
    java.addStatement("p.packColumns($L, $L, $L)", source.pack(SharedKernels.PACK_COLUMNS, "bp", target, classes),
        columns, depth);
  }

  /** {@code C = A x B} from packed {@code a}, {@code b} into {@code c} at {@code offset}, rows {@code ldc} apart. */
  static void gemmStore(CodeBlock.Builder java, ArgumentClasses classes, BufferName a, BufferName b, String rows,
      String columns, String depth, CodeBlock c, String offset, String ldc, String accumulate) {
    CodeBlock call = SharedKernels.GEMM_STORE.launch().bind("ap", a).bind("bp", b).bind("c", c)
        .bind("offset", offset).bind("ldc", ldc).bind("accumulate", accumulate).code(classes);
    java.addStatement("p.gemm($L, $L, $L, $L)", call, rows, columns, depth);
  }
}
