package netforge.runtime.io;

/**
 * Conversions between {@code float} and the two 16-bit float formats of safetensors: IEEE half precision (F16) and
 * bfloat16 (BF16, the upper half of a float). Java 17 has neither ({@code Float.float16ToFloat} came in Java 20).
 * Narrowing rounds to nearest, ties to even, as PyTorch's {@code .half()} and {@code .bfloat16()} do; NaN stays NaN.
 */
final class HalfFloats {
  private static final int F16_EXPONENT_BIAS = 15;
  private static final int F32_EXPONENT_BIAS = 127;
  /** Bits of the float mantissa that F16 drops. */
  private static final int DROPPED_BITS = 23 - 10;
  /** The smallest float that rounds to F16 infinity: 65520, halfway between 65504 (the largest half) and 65536. */
  private static final int F16_OVERFLOW_BITS = 0x477ff000;
  /** 2^-14, the smallest normal F16. */
  private static final int F16_MIN_NORMAL_BITS = 0x38800000;

  private HalfFloats() {}

  static float f16ToFloat(short half) {
    int bits = half & 0xffff;
    int sign = (bits & 0x8000) << 16;
    int exponent = (bits >>> 10) & 0x1f;
    int mantissa = bits & 0x3ff;
    if (exponent == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << DROPPED_BITS));
    }
    if (exponent == 0) {
      // Zero or subnormal: mantissa units of 2^-24, exact in a float.
      float magnitude = mantissa * 0x1p-24f;
      return sign == 0 ? magnitude : -magnitude;
    }
    int floatExponent = exponent - F16_EXPONENT_BIAS + F32_EXPONENT_BIAS;
    return Float.intBitsToFloat(sign | (floatExponent << 23) | (mantissa << DROPPED_BITS));
  }

  static short floatToF16(float value) {
    int bits = Float.floatToRawIntBits(value);
    int sign = (bits >>> 16) & 0x8000;
    int magnitude = bits & 0x7fffffff;
    if (magnitude > 0x7f800000) {
      // NaN: keep it quiet and keep what fits of the payload.
      return (short) (sign | 0x7e00 | ((magnitude >>> DROPPED_BITS) & 0x1ff));
    }
    if (magnitude >= F16_OVERFLOW_BITS) {
      return (short) (sign | 0x7c00);
    }
    if (magnitude >= F16_MIN_NORMAL_BITS) {
      int exponent = (magnitude >>> 23) - F32_EXPONENT_BIAS + F16_EXPONENT_BIAS;
      int half = (exponent << 10) | ((magnitude & 0x7fffff) >>> DROPPED_BITS);
      // A carry out of the mantissa correctly moves to the next exponent.
      return (short) (sign | roundHalfEven(half, magnitude & 0x1fff, 1 << (DROPPED_BITS - 1)));
    }
    // Subnormal F16 (or zero): the value in units of 2^-24, from the float's mantissa with its implicit bit.
    int shift = 126 - (magnitude >>> 23);
    if (shift > 24) {
      return (short) sign;
    }
    int mantissa = (magnitude & 0x7fffff) | 0x800000;
    int half = mantissa >>> shift;
    return (short) (sign | roundHalfEven(half, mantissa & ((1 << shift) - 1), 1 << (shift - 1)));
  }

  static float bf16ToFloat(short bfloat) {
    return Float.intBitsToFloat((bfloat & 0xffff) << 16);
  }

  static short floatToBf16(float value) {
    int bits = Float.floatToRawIntBits(value);
    if ((bits & 0x7fffffff) > 0x7f800000) {
      return (short) ((bits >>> 16) | 0x40);
    }
    // Adding just under half a unit (plus the kept lowest bit) rounds to nearest, ties to even; overflow gives inf.
    int rounding = 0x7fff + ((bits >>> 16) & 1);
    return (short) ((bits + rounding) >>> 16);
  }

  /** {@code kept}, plus one if the dropped {@code rest} is over half a unit, or exactly half and kept is odd. */
  private static int roundHalfEven(int kept, int rest, int halfUnit) {
    return rest > halfUnit || (rest == halfUnit && (kept & 1) != 0) ? kept + 1 : kept;
  }
}
