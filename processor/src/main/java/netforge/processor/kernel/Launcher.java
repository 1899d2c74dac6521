package netforge.processor.kernel;

import com.palantir.javapoet.ClassName;
import java.util.List;
import netforge.processor.runtime.RuntimeTypes;

/**
 * Which runtime helper launches a kernel, and so which of its parameters that helper sets itself (the sizes it
 * derives the launch geometry from). The helper sets them through an interface the kernel's argument class
 * implements, so the compiler checks that every kernel it launches has them.
 */
enum Launcher {
  /** {@code Pass.each}: one work-item per element; the call site sets every argument. */
  EACH(null, List.of()),
  /** {@code Pass.gemm}: sets the problem size and the grid order. */
  GEMM(RuntimeTypes.GEMM_ARGUMENTS, List.of("m_rows", "n_cols", "k_depth", "n_fastest")),
  /** {@code Pass.packRows}: sets the rows and depth of an A operand. */
  ROW_PACK(RuntimeTypes.ROW_PACK_ARGUMENTS, List.of("m_rows", "k_depth")),
  /** {@code Pass.packColumns}: sets the columns and depth of a B operand. */
  COLUMN_PACK(RuntimeTypes.COLUMN_PACK_ARGUMENTS, List.of("n_cols", "k_depth"));

  /** The runtime interface through which the helper sets its parameters; null for {@link #EACH}. */
  final ClassName arguments;
  final List<String> sets;

  Launcher(ClassName arguments, List<String> sets) {
    this.arguments = arguments;
    this.sets = sets;
  }
}
