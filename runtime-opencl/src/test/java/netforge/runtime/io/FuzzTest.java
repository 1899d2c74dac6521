package netforge.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Feeds the reader random bytes and random corruptions of valid files. Whatever it gets, it either reads the file
 * or throws a {@link SafetensorsException} naming it; never another exception, never a hang. The counts of cases
 * are printed at the end, so a run shows how much was tried.
 */
class FuzzTest {
  private static final long TIMEOUT_SECONDS = 10;
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Text spliced into headers: numbers and values the format forbids, JSON punctuation, names, bad UTF-8. */
  private static final List<String> TOKENS = List.of("-1", "0", "1", "1.5", "1e3", "-0", "4294967296",
      "9223372036854775807", "18446744073709551616", "1" + "0".repeat(400), "null", "true", "[]", "{}", "[0]",
      "[0,0]", "[0,4,8]", "\"F32\"", "\"F16\"", "\"F4\"", "\"\"", "\"dtype\"", "\"shape\"", "\"data_offsets\"",
      "\"__metadata__\"", ",", ":", "{", "}", "[", "]", "\"", "\\", "\\u0000", "\\ud800", "é", "\u0000", " ",
      "\n", "[[[[[[[[[[", "{\"a\":{\"b\":{}}}");
  private static final List<String> FIELDS = List.of("dtype", "shape", "data_offsets", "extra");
  private static final List<String> JSON_VALUES = List.of("\"F32\"", "\"F64\"", "\"I64\"", "\"BOOL\"", "\"F31\"",
      "\"f32\"", "3", "[]", "[0]", "[1]", "[2]", "[3,2]", "[2,3]", "[0,0]", "[0,4]", "[4,0]", "[0,8]", "[8,16]",
      "[-1]", "[1.0]", "[1e2]", "[0,18446744073709551615]", "[4611686018427387904]", "[3037000500,3037000500]",
      "null", "{}", "\"x\"", "{\"dtype\":\"F32\"}");

  private static final AtomicLong READ = new AtomicLong();
  private static final AtomicLong REJECTED = new AtomicLong();
  private static final AtomicLong ROUND_TRIPS = new AtomicLong();
  /** What messages call the file read from memory. */
  private static final Path NAME = Path.of("fuzz.safetensors");
  private static ExecutorService reader;
  private static List<byte[]> validFiles;

  @BeforeContainer
  static void setUp() throws IOException {
    reader = Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "fuzz-reader");
      thread.setDaemon(true);
      return thread;
    });
    validFiles = List.of(
        bytesOf(SafetensorsFile.writer().metadata("format", "pt").metadata("network", "Tiny")
            .floats("conv1.weight", new float[] {1, 2, 3, 4, 5, 6}, 2, 1, 3).floats("conv1.bias", new float[] {7, 8}, 2)
            .doubles("d", new double[] {0.5}, 1).float16s("h", new float[] {1, 2}, 2)
            .bfloat16s("b", new float[] {3}).ints("i", new int[] {9, 10}, 2).longs("l", new long[] {11}, 1, 1)
            .floats("empty", new float[0], 0, 3)),
        bytesOf(SafetensorsFile.writer().floats("w", new float[] {1}, 1)),
        bytesOf(SafetensorsFile.writer()));
  }

  @AfterContainer
  static void report() {
    reader.shutdownNow();
    System.out.printf("FuzzTest: %d malformed or random files read: %d parsed, %d rejected with "
            + "SafetensorsException, 0 other exceptions or hangs; %d random writer round trips%n",
        READ.get(), READ.get() - REJECTED.get(), REJECTED.get(), ROUND_TRIPS.get());
  }

  @Property(tries = 3000)
  void randomBytes_areReadOrRejected(@ForAll @Size(max = 200) byte[] bytes) {
    assertReadOrRejected(bytes);
  }

  /** A plausible length field first, so the random rest reaches the header parser. */
  @Property(tries = 3000)
  void randomHeaderAfterPlausibleLength_isReadOrRejected(@ForAll @IntRange(max = 300) int lengthField,
      @ForAll @Size(max = 300) byte[] rest) {
    assertReadOrRejected(concat(littleEndian(lengthField), rest));
  }

  @Property(tries = 10000)
  void mutatedValidFile_isReadOrRejected(@ForAll @IntRange(max = 2) int base,
      @ForAll("mutations") @Size(min = 1, max = 4) List<Mutation> mutations) {
    byte[] bytes = validFiles.get(base);
    for (Mutation mutation : mutations) {
      bytes = mutation.apply(bytes);
    }
    assertReadOrRejected(bytes);
  }

  @Property(tries = 1000)
  void randomTensors_roundTripThroughTheWriter(@ForAll @Size(max = 6) List<@From("tensors") RandomTensor> tensors)
      throws IOException {
    SafetensorsWriter writer = SafetensorsFile.writer();
    List<String> names = new ArrayList<>();
    for (RandomTensor tensor : tensors) {
      String name = "t" + names.size() + tensor.dtype();
      names.add(name);
      writer.bytes(name, tensor.dtype(), tensor.data(), tensor.shape());
    }
    SafetensorsFile read = read(bytesOf(writer));
    for (int i = 0; i < tensors.size(); i++) {
      assertEquals(tensors.get(i).dtype(), read.dtype(names.get(i)));
      assertArrayEquals(tensors.get(i).shape(), read.shape(names.get(i)));
      assertArrayEquals(tensors.get(i).data(), read.bytes(names.get(i)));
    }
    ROUND_TRIPS.incrementAndGet();
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<Integer> anywhere = Arbitraries.integers().between(0, Integer.MAX_VALUE);
    Arbitrary<Mutation> bitFlip = Combinators.combine(anywhere, Arbitraries.integers().between(0, 7))
        .as(BitFlip::new);
    Arbitrary<Mutation> truncate = anywhere.map(Truncate::new);
    Arbitrary<Mutation> lengthDelta = Arbitraries.longs().between(-16, 16).map(LengthDelta::new);
    Arbitrary<Mutation> lengthValue = Arbitraries.longs().map(LengthValue::new);
    Arbitrary<Mutation> splice = Combinators.combine(anywhere, Arbitraries.integers().between(0, 6),
        Arbitraries.of(TOKENS)).as(HeaderSplice::new);
    Arbitrary<Mutation> fieldEdit = Combinators.combine(anywhere, Arbitraries.of(FIELDS), Arbitraries.of(JSON_VALUES))
        .as(FieldEdit::new);
    Arbitrary<Mutation> append = Arbitraries.bytes().array(byte[].class).ofMaxSize(16).map(Append::new);
    return Arbitraries.oneOf(bitFlip, truncate, lengthDelta, lengthValue, splice, fieldEdit, fieldEdit, append)
        .list();
  }

  @Provide
  Arbitrary<RandomTensor> tensors() {
    Arbitrary<Dtype> dtypes = Arbitraries.of(Dtype.class);
    Arbitrary<long[]> shapes = Arbitraries.longs().between(0, 4).array(long[].class).ofMaxSize(3);
    return Combinators.combine(dtypes, shapes, Arbitraries.randomValue(random -> random.nextLong()))
        .as((dtype, shape, seed) -> {
          long count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
          byte[] data = new byte[(int) count * dtype.size()];
          new java.util.Random(seed).nextBytes(data);
          return new RandomTensor(dtype, shape, data);
        });
  }

  /**
   * Reads the bytes, from memory (files on disk would make the run slow, and the channel is all the reader sees),
   * on a separate thread so that a hang fails the case instead of the build. A file that parses must also give
   * every tensor's values without error.
   */
  private static void assertReadOrRejected(byte[] bytes) {
    READ.incrementAndGet();
    Future<?> outcome = reader.submit(() -> {
      try {
        readEverything(read(bytes), bytes);
      } catch (SafetensorsException e) {
        REJECTED.incrementAndGet();
        assertTrue(e.getMessage().startsWith(NAME + ": "), e.getMessage());
      }
      return null;
    });
    try {
      outcome.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      outcome.cancel(true);
      fail("no answer within " + TIMEOUT_SECONDS + " s for " + describe(bytes));
    } catch (ExecutionException e) {
      fail("not a SafetensorsException for " + describe(bytes), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted");
    }
  }

  private static SafetensorsFile read(byte[] bytes) throws IOException {
    return SafetensorsFile.read(NAME, new SeekableInMemoryByteChannel(bytes));
  }

  private static void readEverything(SafetensorsFile file, byte[] bytes) throws IOException {
    long total = 0;
    for (String name : file.names()) {
      Dtype dtype = file.dtype(name);
      long count = Arrays.stream(file.shape(name)).reduce(1, (a, b) -> a * b);
      byte[] raw = file.bytes(name);
      assertEquals(count * dtype.size(), raw.length, name);
      total += raw.length;
      switch (dtype) {
        case F32, F64, F16, BF16 -> assertEquals(count, file.floats(name).length);
        case I32 -> assertEquals(count, file.ints(name).length);
        case I64 -> assertEquals(count, file.longs(name).length);
        default -> { }
      }
    }
    assertEquals(bytes.length, 8 + lengthField(bytes) + total, "the tensors tile the data buffer");
  }

  private static String describe(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    return bytes.length + " bytes: " + (text.length() > 400 ? text.substring(0, 400) + "..." : text);
  }

  private static byte[] bytesOf(SafetensorsWriter writer) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.writeTo(out);
    return out.toByteArray();
  }

  static byte[] littleEndian(long value) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  /** The header length field of a file, or -1 if it has none. */
  static long lengthField(byte[] file) {
    return file.length < 8 ? -1 : ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
  }

  record RandomTensor(Dtype dtype, long[] shape, byte[] data) {}

  /** One corruption of a file's bytes. Positions are taken modulo the length, so any int is a valid position. */
  sealed interface Mutation permits BitFlip, Truncate, LengthDelta, LengthValue, HeaderSplice, FieldEdit, Append {
    byte[] apply(byte[] file);
  }

  record BitFlip(int position, int bit) implements Mutation {
    @Override
    public byte[] apply(byte[] file) {
      if (file.length == 0) {
        return file;
      }
      byte[] flipped = file.clone();
      flipped[position % file.length] ^= (byte) (1 << bit);
      return flipped;
    }
  }

  record Truncate(int length) implements Mutation {
    @Override
    public byte[] apply(byte[] file) {
      return Arrays.copyOf(file, length % (file.length + 1));
    }
  }

  /** The length field moved a little: the header then ends inside the JSON or inside the data. */
  record LengthDelta(long delta) implements Mutation {
    @Override
    public byte[] apply(byte[] file) {
      return file.length < 8 ? file : withLengthField(file, lengthField(file) + delta);
    }
  }

  record LengthValue(long value) implements Mutation {
    @Override
    public byte[] apply(byte[] file) {
      return file.length < 8 ? file : withLengthField(file, value);
    }
  }

  /** Replaces up to {@code removed} bytes inside the header with a token, keeping the length field consistent. */
  record HeaderSplice(int position, int removed, String token) implements Mutation {
    @Override
    public byte[] apply(byte[] file) {
      long headerLength = lengthField(file);
      if (headerLength <= 0 || headerLength > file.length - 8) {
        return file;
      }
      int at = 8 + position % (int) headerLength;
      int end = Math.min(at + removed, 8 + (int) headerLength);
      byte[] inserted = token.getBytes(StandardCharsets.UTF_8);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(littleEndian(headerLength - (end - at) + inserted.length));
      out.write(file, 8, at - 8);
      out.writeBytes(inserted);
      out.write(file, end, file.length - end);
      return out.toByteArray();
    }
  }

  /**
   * Sets one field of one tensor entry (or the metadata) to another JSON value, keeping the rest valid JSON, so
   * that the checks after parsing are reached.
   */
  record FieldEdit(int entry, String field, String value) implements Mutation {
    @Override
    public byte[] apply(byte[] file) {
      long headerLength = lengthField(file);
      if (headerLength <= 0 || headerLength > file.length - 8) {
        return file;
      }
      try {
        JsonNode root = JSON.readTree(new String(file, 8, (int) headerLength, StandardCharsets.UTF_8));
        if (!(root instanceof ObjectNode object) || object.isEmpty()) {
          return file;
        }
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        keys.sort(Comparator.naturalOrder());
        JsonNode target = object.get(keys.get(entry % keys.size()));
        if (!(target instanceof ObjectNode entryObject)) {
          return file;
        }
        entryObject.set(field, JSON.readTree(value));
        byte[] header = JSON.writeValueAsBytes(root);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(littleEndian(header.length));
        out.writeBytes(header);
        out.write(file, 8 + (int) headerLength, file.length - 8 - (int) headerLength);
        return out.toByteArray();
      } catch (IOException e) {
        return file;
      }
    }
  }

  record Append(byte[] extra) implements Mutation {
    @Override
    public byte[] apply(byte[] file) {
      return concat(file, extra);
    }
  }

  private static byte[] withLengthField(byte[] file, long value) {
    byte[] changed = file.clone();
    System.arraycopy(littleEndian(value), 0, changed, 0, 8);
    return changed;
  }
}
