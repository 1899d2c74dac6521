package netforge.processor.kernel;

import java.util.Locale;

/** Small formatting helpers shared by the kernel writers. */
final class Names {
  private Names() {}

  /** A long literal for generated Java ({@code 37752832L}). */
  static String longLiteral(long value) {
    return value + "L";
  }

  /** Kernel-name prefix of a network: its name in lower case ({@code alexnet}). */
  static String prefix(String network) {
    return network.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
  }

  /** A float literal for OpenCL C ({@code 1.0E-4f}): doubles would need cl_khr_fp64. */
  static String floatLiteral(double value) {
    return Float.toString((float) value) + "f";
  }
}
