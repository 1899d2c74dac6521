package netforge.processor.kernel;

import com.palantir.javapoet.TypeName;
import netforge.processor.runtime.RuntimeTypes;

/**
 * The type of a kernel parameter, as the OpenCL parameter list spells it and as its Java setter takes it. The
 * spellings are those the programs have always had (the GEMM's operands put {@code const} after
 * {@code __global}), so rendering parameter lists from declarations keeps the programs byte for byte.
 */
enum ClType {
  READ_REALS("const __global real* restrict", JavaKind.BUFFER),
  /** A GEMM's packed operand. */
  READ_OPERAND("__global const real* restrict", JavaKind.BUFFER),
  WRITE_REALS("__global real* restrict", JavaKind.BUFFER),
  READ_INTS("const __global int* restrict", JavaKind.BUFFER),
  WRITE_INTS("__global int* restrict", JavaKind.BUFFER),
  READ_UCHARS("const __global uchar* restrict", JavaKind.BUFFER),
  WRITE_UCHARS("__global uchar* restrict", JavaKind.BUFFER),
  INT("const int", JavaKind.INT),
  UINT("const uint", JavaKind.INT),
  LONG("const long", JavaKind.LONG),
  ULONG("const ulong", JavaKind.LONG);

  /** What a Java setter takes: OpenCL's unsigned types travel in Java's signed ones of the same width. */
  enum JavaKind {
    BUFFER, INT, LONG;

    TypeName type() {
      return switch (this) {
        case BUFFER -> RuntimeTypes.CL_BUFFER;
        case INT -> TypeName.INT;
        case LONG -> TypeName.LONG;
      };
    }
  }

  final String openCl;
  final JavaKind java;

  ClType(String openCl, JavaKind java) {
    this.openCl = openCl;
    this.java = java;
  }
}
