package netforge.runtime.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects tensors and metadata, then writes them as one safetensors file, atomically (see {@link AtomicFiles}).
 *
 * <p>The file is laid out as the reference implementation lays it out: a compact JSON header with
 * {@code __metadata__} first (left out when empty) and the tensors in data order, padded with spaces to a multiple
 * of 8 bytes so the data starts 8-byte aligned; then the tensors back to back. Tensors of larger elements come
 * first, so every tensor starts aligned to its element size; tensors of equal element size keep the order they
 * were added in (for a network, PyTorch's {@code named_parameters()} order).
 *
 * <p>The arrays and buffers passed in are read when {@link #write} runs, not copied: do not change them before.
 * Shapes are {@code long}s, as the format's are; a dimension may exceed an {@code int} when another is 0.
 * Misuse (a repeated name, a shape that does not match the values) throws {@link IllegalArgumentException}.
 */
public final class SafetensorsWriter {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int CHUNK_BYTES = 1 << 16;
  private static final int ALIGNMENT = 8;

  /** Writes one tensor's elements, little-endian, into the chunk at {@code index}. */
  @FunctionalInterface
  private interface ElementWriter {
    void put(ByteBuffer chunk, int index);
  }

  private record Pending(String name, Dtype dtype, long[] shape, int count, ElementWriter elements) {
    long byteLength() {
      return (long) count * dtype.size();
    }
  }

  private final Map<String, String> metadata = new LinkedHashMap<>();
  private final Map<String, Pending> tensors = new LinkedHashMap<>();

  SafetensorsWriter() {}

  /** Adds (or replaces) a {@code __metadata__} entry. */
  public SafetensorsWriter metadata(String key, String value) {
    metadata.put(requireWellFormed("metadata key", key), requireWellFormed("metadata value", value));
    return this;
  }

  /** An F32 tensor. */
  public SafetensorsWriter floats(String name, float[] values, long... shape) {
    return add(name, Dtype.F32, shape, values.length, (chunk, i) -> chunk.putFloat(values[i]));
  }

  /** An F32 tensor from the buffer's remaining floats (a window on a larger array, say), without copying them. */
  public SafetensorsWriter floats(String name, FloatBuffer values, long... shape) {
    FloatBuffer window = values.slice();
    return add(name, Dtype.F32, shape, window.remaining(), (chunk, i) -> chunk.putFloat(window.get(i)));
  }

  /** An F64 tensor. */
  public SafetensorsWriter doubles(String name, double[] values, long... shape) {
    return add(name, Dtype.F64, shape, values.length, (chunk, i) -> chunk.putDouble(values[i]));
  }

  /** An F16 tensor, each value rounded to nearest (ties to even); beyond ±65504 it becomes infinite. */
  public SafetensorsWriter float16s(String name, float[] values, long... shape) {
    return add(name, Dtype.F16, shape, values.length, (chunk, i) -> chunk.putShort(HalfFloats.floatToF16(values[i])));
  }

  /** A BF16 tensor, each value rounded to nearest (ties to even). */
  public SafetensorsWriter bfloat16s(String name, float[] values, long... shape) {
    return add(name, Dtype.BF16, shape, values.length,
        (chunk, i) -> chunk.putShort(HalfFloats.floatToBf16(values[i])));
  }

  /** An I32 tensor. */
  public SafetensorsWriter ints(String name, int[] values, long... shape) {
    return add(name, Dtype.I32, shape, values.length, (chunk, i) -> chunk.putInt(values[i]));
  }

  /** An I64 tensor. */
  public SafetensorsWriter longs(String name, long[] values, long... shape) {
    return add(name, Dtype.I64, shape, values.length, (chunk, i) -> chunk.putLong(values[i]));
  }

  /** A tensor of any dtype from its raw little-endian bytes ({@code dtype.size()} per element). */
  public SafetensorsWriter bytes(String name, Dtype dtype, byte[] littleEndian, long... shape) {
    if (littleEndian.length % dtype.size() != 0) {
      throw new IllegalArgumentException(name + ": " + littleEndian.length + " bytes are not a whole number of "
          + dtype + " elements of " + dtype.size() + " bytes");
    }
    int size = dtype.size();
    return add(name, dtype, shape, littleEndian.length / size,
        (chunk, i) -> chunk.put(littleEndian, i * size, size));
  }

  /** Writes the file, replacing {@code file} atomically; on failure it is left as it was. */
  public void write(Path file) throws IOException {
    AtomicFiles.write(file, this::writeTo);
  }

  /** The whole file's bytes, to any stream. */
  void writeTo(OutputStream out) throws IOException {
    List<Pending> ordered = new ArrayList<>(tensors.values());
    ordered.sort(Comparator.comparingInt((Pending p) -> p.dtype().size()).reversed());
    byte[] header = header(ordered);
    out.write(ByteBuffer.allocate(SafetensorsFile.LENGTH_FIELD_BYTES).order(ByteOrder.LITTLE_ENDIAN)
        .putLong(header.length).array());
    out.write(header);
    ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (Pending tensor : ordered) {
      writeElements(out, chunk, tensor);
    }
  }

  private SafetensorsWriter add(String name, Dtype dtype, long[] shape, int count, ElementWriter elements) {
    requireWellFormed("tensor name", name);
    if (name.equals(HeaderParser.METADATA_KEY)) {
      throw new IllegalArgumentException(HeaderParser.METADATA_KEY + " is reserved for metadata, not a tensor name");
    }
    if (tensors.containsKey(name)) {
      throw new IllegalArgumentException(name + ": a tensor of that name was added already");
    }
    long shapeCount = 1;
    for (long dimension : shape) {
      if (dimension < 0) {
        throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " has a negative dimension");
      }
      shapeCount = multiplyOrFail(name, shape, shapeCount, dimension);
    }
    if (shapeCount != count) {
      throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " holds " + shapeCount
          + " elements but " + count + " values were given");
    }
    tensors.put(name, new Pending(name, dtype, shape.clone(), count, elements));
    return this;
  }

  private static long multiplyOrFail(String name, long[] shape, long a, long b) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " overflows a 64-bit count", e);
    }
  }

  /**
   * Names and metadata go into UTF-8 JSON, where an unpaired surrogate has no encoding; refusing it here beats a
   * file that no reader accepts.
   */
  private static String requireWellFormed(String what, String text) {
    if (text == null) {
      throw new IllegalArgumentException(what + " is null");
    }
    if (!StandardCharsets.UTF_8.newEncoder().canEncode(text)) {
      throw new IllegalArgumentException(what + " " + HeaderParser.quote(text) + " has an unpaired surrogate, "
          + "which UTF-8 cannot encode");
    }
    return text;
  }

  private byte[] header(List<Pending> ordered) {
    ObjectNode root = MAPPER.createObjectNode();
    if (!metadata.isEmpty()) {
      ObjectNode strings = root.putObject(HeaderParser.METADATA_KEY);
      metadata.forEach(strings::put);
    }
    long offset = 0;
    for (Pending tensor : ordered) {
      ObjectNode entry = root.putObject(tensor.name());
      entry.put("dtype", tensor.dtype().name());
      ArrayNode shape = entry.putArray("shape");
      Arrays.stream(tensor.shape()).forEach(shape::add);
      entry.putArray("data_offsets").add(offset).add(offset + tensor.byteLength());
      offset += tensor.byteLength();
    }
    byte[] json;
    try {
      json = MAPPER.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serialises", e);
    }
    int padding = (ALIGNMENT - json.length % ALIGNMENT) % ALIGNMENT;
    byte[] padded = Arrays.copyOf(json, json.length + padding);
    Arrays.fill(padded, json.length, padded.length, (byte) ' ');
    return padded;
  }

  private static void writeElements(OutputStream out, ByteBuffer chunk, Pending tensor) throws IOException {
    int size = tensor.dtype().size();
    for (int i = 0; i < tensor.count(); i++) {
      if (chunk.remaining() < size) {
        flush(out, chunk);
      }
      tensor.elements().put(chunk, i);
    }
    flush(out, chunk);
  }

  private static void flush(OutputStream out, ByteBuffer chunk) throws IOException {
    out.write(chunk.array(), 0, chunk.position());
    chunk.clear();
  }
}
