package netforge.runtime.io;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The element types of the safetensors format, spelled as in the header. Every one is little-endian and
 * byte-sized or larger; the sub-byte types newer writers know (F4, F6) are not supported and read as unknown.
 */
public enum Dtype {
  BOOL(1),
  U8(1),
  I8(1),
  F8_E5M2(1),
  F8_E4M3(1),
  I16(2),
  U16(2),
  F16(2),
  BF16(2),
  I32(4),
  U32(4),
  F32(4),
  F64(8),
  I64(8),
  U64(8);

  private final int size;

  Dtype(int size) {
    this.size = size;
  }

  /** Bytes per element. */
  public int size() {
    return size;
  }

  /** The dtype a header spells {@code name}, if this reader knows it (exact, case-sensitive, as the format is). */
  public static Optional<Dtype> byName(String name) {
    return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
  }

  /** Every known name, for messages. */
  static String knownNames() {
    return Arrays.stream(values()).map(Dtype::name).collect(Collectors.joining(", "));
  }
}
