package netforge.runtime.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.List;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads an IDX file of unsigned bytes (the MNIST family's format), gzipped or not, and refuses anything that does
 * not hold exactly what its header claims.
 *
 * <p>The format: a 4-byte big-endian magic {@code 0x0000TTDD} (TT the element type, 0x08 for unsigned bytes; DD the
 * number of dimensions), then DD big-endian 32-bit sizes, then the elements row-major. Image files are
 * {@code 0x00000803} (count, rows, columns), label files {@code 0x00000801} (count).
 *
 * <p>Nothing here allocates more than the file can hold: a plain file must be exactly header plus payload, and a
 * gzip file cannot inflate to more than {@value #MAX_DEFLATE_RATIO} times its size, so a claim beyond that is a
 * corrupt header, reported before any allocation. Gzip streams are decoded by commons-compress; one that ends early
 * or fails its CRC is reported as such. A file of several gzip members one after the other (what {@code cat a.gz
 * b.gz}, {@code pigz} and some archivers write) is one stream, as {@code gunzip} reads it.
 */
final class IdxReader {
  static final int UNSIGNED_BYTE = 0x08;
  static final int IMAGES_MAGIC = 0x00000803;
  static final int LABELS_MAGIC = 0x00000801;
  /** Deflate's limit: a 258-byte match costs at least about 2 bits, so no stream inflates more than ~1032x. */
  static final long MAX_DEFLATE_RATIO = 1032;
  /** The largest Java array most VMs allocate. */
  static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  /** What an IDX file holds: its dimensions and its elements. */
  record Contents(int[] dims, byte[] data) {}

  /** The kind of IDX file a caller expects, with names for its dimensions (used in messages). */
  enum Kind {
    IMAGES(IMAGES_MAGIC, "images", List.of("images", "rows", "columns")),
    LABELS(LABELS_MAGIC, "labels", List.of("labels"));

    final int magic;
    final String noun;
    final List<String> dimensionNames;

    Kind(int magic, String noun, List<String> dimensionNames) {
      this.magic = magic;
      this.noun = noun;
      this.dimensionNames = dimensionNames;
    }
  }

  private IdxReader() {}

  static Contents read(DataFile file, Kind kind) throws DatasetException {
    boolean gzip = false;
    try (InputStream raw = new BufferedInputStream(file.open(), 1 << 16)) {
      gzip = startsWithGzipMagic(raw);
      try (InputStream in = gzip ? new GzipCompressorInputStream(raw, true) : raw) {
        return read(file, kind, gzip, in);
      }
    } catch (DatasetException e) {
      throw e;
    } catch (EOFException e) {
      throw new DatasetException(file.name() + ": truncated: the " + (gzip ? "gzip stream" : "file") + " ends early",
          e);
    } catch (IOException e) {
      // The gzip decoder refuses a stream it cannot parse (bad header, bad deflate data, bad CRC or length).
      throw new DatasetException(file.name() + (gzip ? ": corrupt gzip data (" : ": cannot read it (")
          + e.getMessage() + ")", e);
    }
  }

  private static Contents read(DataFile file, Kind kind, boolean gzip, InputStream in)
      throws IOException {
    String name = file.name();
    byte[] magicBytes = new byte[4];
    int got = in.readNBytes(magicBytes, 0, 4);
    if (got < 4) {
      throw new DatasetException(name + ": " + (gzip ? "inflates to " : "is ") + got
          + " bytes, too short for an IDX header");
    }
    int magic = bigEndianInt(magicBytes, 0);
    checkMagic(name, kind, magic);

    int rank = kind.dimensionNames.size();
    byte[] dimBytes = new byte[4 * rank];
    if (in.readNBytes(dimBytes, 0, dimBytes.length) < dimBytes.length) {
      throw new DatasetException(name + ": truncated: the header ends before its " + rank + " dimension sizes");
    }
    int[] dims = new int[rank];
    BigInteger product = BigInteger.ONE; // three sizes below 2^31 can overflow a long
    for (int d = 0; d < rank; d++) {
      dims[d] = bigEndianInt(dimBytes, 4 * d);
      String dimension = kind.dimensionNames.get(d);
      if (dims[d] < 0) {
        throw new DatasetException(name + ": the header gives a negative number of " + dimension + " (" + dims[d]
            + ")");
      }
      if (dims[d] == 0 && d > 0) {
        throw new DatasetException(name + ": the header gives 0 " + dimension + " per image");
      }
      product = product.multiply(BigInteger.valueOf(dims[d]));
    }
    String claim = describe(kind, dims) + " (" + product + " bytes)";
    if (kind == Kind.IMAGES && (long) dims[1] * dims[2] > MAX_ARRAY) {
      // Even with 0 images: an image that fits no array is not a size anything can use.
      throw new DatasetException(name + ": the header claims images of " + dims[1] + "x" + dims[2]
          + ", more than one Java array holds");
    }
    if (product.compareTo(BigInteger.valueOf(MAX_ARRAY)) > 0) {
      throw new DatasetException(name + ": the header claims " + claim + ", more than one Java array holds");
    }
    long payload = product.longValueExact();
    long header = 4L + 4L * rank;
    if (!gzip && file.size() != header + payload) {
      long after = file.size() - header;
      throw new DatasetException(name + (file.size() < header + payload ? ": truncated" : ": oversized")
          + ": the header claims " + claim + " but the file has " + after + " bytes after the header");
    }
    if (gzip && payload > MAX_DEFLATE_RATIO * file.size()) {
      throw new DatasetException(name + ": the header claims " + claim + ", more than a gzip file of "
          + file.size() + " bytes can hold (at most " + MAX_DEFLATE_RATIO + " times its size): a corrupt header");
    }

    byte[] data = new byte[(int) payload];
    int read;
    try {
      read = in.readNBytes(data, 0, data.length);
    } catch (EOFException e) {
      throw new DatasetException(name + ": truncated: the gzip stream ends before the " + payload
          + " bytes of data the header claims (" + claim + ")", e);
    }
    if (read < data.length) {
      throw new DatasetException(name + ": truncated: the header claims " + claim + " but only " + read
          + " bytes follow it");
    }
    int next;
    try {
      // Also makes the gzip decoder read and check the stream's trailer (CRC and length).
      next = in.read();
    } catch (EOFException e) {
      throw new DatasetException(name + ": truncated: the gzip stream ends before its trailer", e);
    }
    if (next != -1) {
      throw new DatasetException(name + ": oversized: more data follows the " + claim + " the header claims");
    }
    return new Contents(dims, data);
  }

  private static void checkMagic(String name, Kind kind, int magic) throws DatasetException {
    if (magic == kind.magic) {
      return;
    }
    String expected = kind.noun + " (" + hex(kind.magic) + ")";
    for (Kind other : Kind.values()) {
      if (magic == other.magic) {
        throw new DatasetException(name + ": magic " + hex(magic) + " is " + (other == Kind.IMAGES ? "an image"
            : "a label") + " file, expected " + expected);
      }
    }
    if ((magic >>> 16) != 0) {
      throw new DatasetException(name + ": magic " + hex(magic) + " is not an IDX file, expected " + expected);
    }
    int type = (magic >>> 8) & 0xFF;
    if (type != UNSIGNED_BYTE) {
      throw new DatasetException(name + ": magic " + hex(magic) + " is an IDX file of element type 0x"
          + String.format("%02X", type) + ", expected unsigned bytes (0x08): " + expected);
    }
    throw new DatasetException(name + ": magic " + hex(magic) + " is an IDX file of " + (magic & 0xFF)
        + " dimensions, expected " + kind.dimensionNames.size() + ": " + expected);
  }

  private static String describe(Kind kind, int[] dims) {
    return kind == Kind.IMAGES ? dims[0] + " images of " + dims[1] + "x" + dims[2] : dims[0] + " labels";
  }

  private static boolean startsWithGzipMagic(InputStream in) throws IOException {
    in.mark(2);
    byte[] start = new byte[2];
    int got = in.readNBytes(start, 0, 2);
    in.reset();
    return GzipCompressorInputStream.matches(start, got);
  }

  private static int bigEndianInt(byte[] bytes, int at) {
    return ((bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
        | (bytes[at + 3] & 0xFF);
  }

  static String hex(int value) {
    return String.format("0x%08X", value);
  }
}
