package netforge.runtime.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Checks where the tensors of a header sit in the data buffer. The format requires each tensor's bytes to match
 * its dtype and shape exactly, and the tensors to tile the buffer: back to back from byte 0 to its last byte,
 * with no overlap, no hole and nothing after. That is what makes reading safe, since every byte read belongs to
 * exactly one tensor and lies inside the file.
 */
final class DataLayout {
  private DataLayout() {}

  /** The entries in buffer order (ties, which only empty tensors can have, in header order). */
  static List<TensorEntry> check(Path file, List<TensorEntry> entries, long bufferLength)
      throws SafetensorsException {
    for (TensorEntry entry : entries) {
      checkOwnRange(file, entry, bufferLength);
    }
    List<TensorEntry> ordered = new ArrayList<>(entries);
    ordered.sort(Comparator.comparingLong(TensorEntry::begin).thenComparingLong(TensorEntry::end)
        .thenComparingInt(TensorEntry::headerIndex));
    long covered = 0;
    TensorEntry previous = null;
    for (TensorEntry entry : ordered) {
      if (entry.begin() > covered) {
        String where = previous == null
            ? "before the first tensor, " + HeaderParser.quote(entry.name())
            : "between " + HeaderParser.quote(previous.name()) + " and " + HeaderParser.quote(entry.name());
        throw new SafetensorsException(file, "hole in the data buffer: bytes [" + covered + ", " + entry.begin()
            + ") belong to no tensor (" + where + "); tensors must be back to back");
      }
      if (entry.begin() < covered) {
        throw new SafetensorsException(file, "tensor " + HeaderParser.quote(entry.name()) + " at " + range(entry)
            + " overlaps tensor " + HeaderParser.quote(previous.name()) + " at " + range(previous));
      }
      covered = entry.end();
      previous = entry;
    }
    if (covered < bufferLength) {
      throw new SafetensorsException(file, "trailing bytes: the tensors end at byte " + covered + " of the data "
          + "buffer but " + (bufferLength - covered) + " more bytes follow");
    }
    return ordered;
  }

  private static void checkOwnRange(Path file, TensorEntry entry, long bufferLength) throws SafetensorsException {
    String tensor = "tensor " + HeaderParser.quote(entry.name());
    String offsets = "data_offsets [" + entry.begin() + ", " + entry.end() + "]";
    if (entry.end() < entry.begin()) {
      throw new SafetensorsException(file, tensor + ": " + offsets + " are reversed (end before begin)");
    }
    if (entry.end() - entry.begin() != entry.byteLength()) {
      throw new SafetensorsException(file, tensor + ": " + offsets + " span " + (entry.end() - entry.begin())
          + " bytes but " + entry.dtype() + " of shape " + Arrays.toString(entry.shape()) + " needs "
          + entry.byteLength() + " bytes (wrong byte length)");
    }
    if (entry.end() > bufferLength) {
      throw new SafetensorsException(file, tensor + ": " + offsets + " lie outside the data buffer, which has "
          + bufferLength + " bytes (is the file truncated?)");
    }
  }

  private static String range(TensorEntry entry) {
    return "[" + entry.begin() + ", " + entry.end() + ")";
  }
}
