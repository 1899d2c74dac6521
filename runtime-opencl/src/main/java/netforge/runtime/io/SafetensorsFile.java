package netforge.runtime.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A safetensors file read whole and checked: the format of HuggingFace, PyTorch and JAX checkpoints. An 8-byte
 * little-endian header length N, N bytes of UTF-8 JSON naming each tensor's dtype, shape and byte range, then
 * the data buffer, row-major and little-endian.
 *
 * <p>{@link #read} trusts nothing in the file: every number is checked against the real file size before anything
 * is allocated from it, and a malformed file fails with a {@link SafetensorsException} that says what is wrong.
 * Files are written with {@link #writer()}.
 */
public final class SafetensorsFile {
  /** Bytes of the header length field. */
  static final int LENGTH_FIELD_BYTES = 8;
  /** The largest tensor held in one Java array. */
  private static final long MAX_TENSOR_BYTES = Integer.MAX_VALUE - 8;

  private final Path file;
  private final Map<String, String> metadata;
  /** In buffer order, which is {@link #names()}'s order. */
  private final Map<String, TensorEntry> entries;
  private final Map<String, byte[]> data;

  private SafetensorsFile(Path file, Map<String, String> metadata, Map<String, TensorEntry> entries,
      Map<String, byte[]> data) {
    this.file = file;
    this.metadata = metadata;
    this.entries = entries;
    this.data = data;
  }

  /** Reads and checks a whole file. */
  public static SafetensorsFile read(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return read(file, channel);
    }
  }

  /**
   * The {@code __metadata__} strings alone, from the header, without reading the tensors' data: what a file says it
   * is costs a few kilobytes of reading even for a 700 MB checkpoint.
   */
  public static Map<String, String> readMetadata(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long headerLength = headerLength(file, channel);
      return HeaderParser.parse(file, readFully(file, channel, LENGTH_FIELD_BYTES, (int) headerLength).array())
          .metadata();
    }
  }

  /** Reads and checks what {@code channel} holds, calling it {@code file} in messages. */
  static SafetensorsFile read(Path file, SeekableByteChannel channel) throws IOException {
    long size = channel.size();
    long headerLength = headerLength(file, channel);
    Header header = HeaderParser.parse(file, readFully(file, channel, LENGTH_FIELD_BYTES, (int) headerLength).array());
    long bufferStart = LENGTH_FIELD_BYTES + headerLength;
    List<TensorEntry> ordered = DataLayout.check(file, header.tensors(), size - bufferStart);
    Map<String, TensorEntry> entries = new LinkedHashMap<>();
    Map<String, byte[]> data = new LinkedHashMap<>();
    for (TensorEntry entry : ordered) {
      if (entry.byteLength() > MAX_TENSOR_BYTES) {
        throw new SafetensorsException(file, "tensor " + HeaderParser.quote(entry.name()) + " has "
            + entry.byteLength() + " bytes; this reader keeps a tensor in one Java array, at most "
            + MAX_TENSOR_BYTES + " bytes");
      }
      entries.put(entry.name(), entry);
      data.put(entry.name(), readFully(file, channel, bufferStart + entry.begin(), (int) entry.byteLength()).array());
    }
    return new SafetensorsFile(file, header.metadata(), entries, data);
  }

  /** The header's length from the first 8 bytes, checked against the file's size and this reader's limit. */
  private static long headerLength(Path file, SeekableByteChannel channel) throws IOException {
    long size = channel.size();
    if (size < LENGTH_FIELD_BYTES) {
      throw new SafetensorsException(file, "the file is only " + size + " bytes long; a safetensors file starts "
          + "with an 8-byte header length");
    }
    long headerLength = readFully(file, channel, 0, LENGTH_FIELD_BYTES).order(ByteOrder.LITTLE_ENDIAN).getLong();
    if (Long.compareUnsigned(headerLength, HeaderParser.MAX_HEADER_BYTES) > 0) {
      throw new SafetensorsException(file, "huge header: the header length field says "
          + Long.toUnsignedString(headerLength) + " bytes, more than the " + HeaderParser.MAX_HEADER_BYTES
          + " this reader accepts (is this a safetensors file?)");
    }
    if (headerLength > size - LENGTH_FIELD_BYTES) {
      throw new SafetensorsException(file, "the header length field says " + headerLength + " bytes but only "
          + (size - LENGTH_FIELD_BYTES) + " bytes follow it (is the file truncated?)");
    }
    return headerLength;
  }

  /** A writer for a new file. */
  public static SafetensorsWriter writer() {
    return new SafetensorsWriter();
  }

  /** Where this was read from. */
  public Path file() {
    return file;
  }

  /** The free-form {@code __metadata__} strings (empty if the file has none). */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** Every tensor name, in the order of their data in the file. */
  public List<String> names() {
    return List.copyOf(entries.keySet());
  }

  public boolean contains(String name) {
    return entries.containsKey(name);
  }

  public Dtype dtype(String name) throws SafetensorsException {
    return entry(name).dtype();
  }

  /** The shape as the file gives it (row-major, outermost first; {@code []} for a scalar). */
  public long[] shape(String name) throws SafetensorsException {
    return entry(name).shape();
  }

  /** The raw little-endian bytes of any tensor. */
  public byte[] bytes(String name) throws SafetensorsException {
    entry(name);
    return data.get(name).clone();
  }

  /** The values of an F32 tensor, or of an F64, F16 or BF16 one converted to float (F64 rounds). */
  public float[] floats(String name) throws SafetensorsException {
    float[] values = new float[elementCount(name)];
    floatsInto(name, values, 0);
    return values;
  }

  /** Like {@link #floats} but into {@code target} from {@code offset}, without an intermediate array. */
  void floatsInto(String name, float[] target, int offset) throws SafetensorsException {
    Dtype dtype = entry(name).dtype();
    ByteBuffer bytes = littleEndian(name);
    int count = elementCount(name);
    switch (dtype) {
      case F32 -> bytes.asFloatBuffer().get(target, offset, count);
      case F64 -> {
        for (int i = 0; i < count; i++) {
          target[offset + i] = (float) bytes.getDouble();
        }
      }
      case F16 -> {
        for (int i = 0; i < count; i++) {
          target[offset + i] = HalfFloats.f16ToFloat(bytes.getShort());
        }
      }
      case BF16 -> {
        for (int i = 0; i < count; i++) {
          target[offset + i] = HalfFloats.bf16ToFloat(bytes.getShort());
        }
      }
      default -> throw wrongDtype(name, dtype, "floats()", "F32, F64, F16 or BF16");
    }
  }

  /** The values of an F64 tensor, or of an F32, F16 or BF16 one widened exactly. */
  public double[] doubles(String name) throws SafetensorsException {
    Dtype dtype = entry(name).dtype();
    if (dtype == Dtype.F64) {
      double[] values = new double[elementCount(name)];
      littleEndian(name).asDoubleBuffer().get(values);
      return values;
    }
    if (dtype != Dtype.F32 && dtype != Dtype.F16 && dtype != Dtype.BF16) {
      throw wrongDtype(name, dtype, "doubles()", "F64, F32, F16 or BF16");
    }
    float[] narrow = floats(name);
    double[] values = new double[narrow.length];
    for (int i = 0; i < narrow.length; i++) {
      values[i] = narrow[i];
    }
    return values;
  }

  /** The values of an I32 tensor. */
  public int[] ints(String name) throws SafetensorsException {
    Dtype dtype = entry(name).dtype();
    if (dtype != Dtype.I32) {
      throw wrongDtype(name, dtype, "ints()", "I32");
    }
    int[] values = new int[elementCount(name)];
    littleEndian(name).asIntBuffer().get(values);
    return values;
  }

  /** The values of an I64 tensor. */
  public long[] longs(String name) throws SafetensorsException {
    Dtype dtype = entry(name).dtype();
    if (dtype != Dtype.I64) {
      throw wrongDtype(name, dtype, "longs()", "I64");
    }
    long[] values = new long[elementCount(name)];
    littleEndian(name).asLongBuffer().get(values);
    return values;
  }

  private TensorEntry entry(String name) throws SafetensorsException {
    TensorEntry entry = entries.get(name);
    if (entry == null) {
      throw new SafetensorsException(file, "has no tensor " + HeaderParser.quote(name)
          + NameSuggestion.hint(name, entries.keySet()));
    }
    return entry;
  }

  /** Fits in an int: {@link #read} refused tensors of more bytes than an array holds. */
  private int elementCount(String name) throws SafetensorsException {
    return (int) entry(name).elementCount();
  }

  private ByteBuffer littleEndian(String name) {
    return ByteBuffer.wrap(data.get(name)).order(ByteOrder.LITTLE_ENDIAN);
  }

  private SafetensorsException wrongDtype(String name, Dtype dtype, String method, String readable) {
    return new SafetensorsException(file, "tensor " + HeaderParser.quote(name) + " is " + dtype + "; " + method
        + " reads " + readable + " (bytes() reads any dtype)");
  }

  /**
   * Exactly {@code length} bytes from {@code position}, in a buffer of that size. Callers pass only lengths already
   * checked against the file size; a file that shrinks meanwhile ends the read with an error, not a short buffer.
   */
  private static ByteBuffer readFully(Path file, SeekableByteChannel channel, long position, int length)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    channel.position(position);
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer);
      if (read < 0) {
        throw new SafetensorsException(file, "the file ended at byte " + (position + buffer.position())
            + " while " + length + " bytes from byte " + position + " were being read (did it change meanwhile?)");
      }
    }
    return buffer.flip();
  }

  @Override
  public String toString() {
    List<String> tensors = new ArrayList<>();
    entries.values().forEach(e -> tensors.add(e.name() + " " + e.dtype() + Arrays.toString(e.shape())));
    return "SafetensorsFile[" + file + ", " + tensors + "]";
  }
}
