package netforge.runtime.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the header bytes of a safetensors file into a {@link Header}, rejecting anything the format does not
 * allow: bytes that are not UTF-8, text that is not one JSON object, duplicate names, metadata values that are not
 * strings, tensor entries with missing, unknown or mistyped fields, unknown dtypes, and shapes or offsets that
 * are not non-negative integers or whose byte size overflows. How the entries sit in the data buffer is
 * {@link DataLayout}'s job.
 */
final class HeaderParser {
  /** The key of the free-form string map; every other key names a tensor. */
  static final String METADATA_KEY = "__metadata__";
  /** The largest header accepted, as in the reference implementation: parsing more JSON is a denial of service. */
  static final int MAX_HEADER_BYTES = 100_000_000;

  private static final String DTYPE = "dtype";
  private static final String SHAPE = "shape";
  private static final String OFFSETS = "data_offsets";
  private static final int MAX_SHOWN_CHARS = 60;

  /**
   * Strings may be as long as the largest header allowed, so that no valid header fails on Jackson's default
   * string limit. Duplicate keys are found while reading (see {@link #fields}), where the message can name them.
   */
  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_HEADER_BYTES).build())
      .build());

  private final Path file;

  private HeaderParser(Path file) {
    this.file = file;
  }

  static Header parse(Path file, byte[] headerBytes) throws SafetensorsException {
    return new HeaderParser(file).parse(headerBytes);
  }

  private Header parse(byte[] headerBytes) throws SafetensorsException {
    String text = decodeUtf8(headerBytes);
    Map<String, String> metadata = new LinkedHashMap<>();
    List<TensorEntry> tensors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (JsonParser parser = MAPPER.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw problem("the header is empty; it should be a JSON object");
      }
      if (first != JsonToken.START_OBJECT) {
        throw problem("the header should be a JSON object but starts with " + describe(first));
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        parser.nextToken();
        if (!seen.add(key)) {
          throw problem("duplicate name: the header lists " + quote(key) + " twice");
        }
        if (key.equals(METADATA_KEY)) {
          metadata.putAll(metadata(parser));
        } else {
          tensors.add(entry(key, parser, tensors.size()));
        }
      }
      JsonToken after = parser.nextToken();
      if (after != null) {
        throw problem("the header has more after its JSON object (" + describe(after) + " at character "
            + parser.currentLocation().getCharOffset() + "); only spaces may pad it");
      }
    } catch (JsonProcessingException e) {
      throw problem("the header is not valid JSON: " + e.getOriginalMessage() + where(e.getLocation()), e);
    } catch (SafetensorsException e) {
      throw e;
    } catch (IOException e) {
      // Reading from a String does no I/O; Jackson only declares it.
      throw problem("the header could not be parsed: " + e.getMessage(), e);
    }
    return new Header(metadata, tensors);
  }

  private String decodeUtf8(byte[] bytes) throws SafetensorsException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      CharBuffer chars = decoder.decode(in);
      return chars.toString();
    } catch (CharacterCodingException e) {
      int at = in.position();
      String bad = at < bytes.length ? String.format(" (byte 0x%02X at header byte %d)", bytes[at] & 0xff, at) : "";
      throw problem("the header is not valid UTF-8" + bad, e);
    }
  }

  private Map<String, String> metadata(JsonParser parser) throws IOException {
    Map<String, String> metadata = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : fields(METADATA_KEY, "an object of strings", parser).entrySet()) {
      if (!field.getValue().isTextual()) {
        throw problem(METADATA_KEY + " value of " + quote(field.getKey()) + " is " + describe(field.getValue())
            + "; metadata values must be strings");
      }
      metadata.put(field.getKey(), field.getValue().textValue());
    }
    return metadata;
  }

  private TensorEntry entry(String name, JsonParser parser, int index) throws IOException {
    String tensor = "tensor " + quote(name);
    Map<String, JsonNode> fields = fields(tensor, "an object with dtype, shape and data_offsets", parser);
    for (String field : fields.keySet()) {
      if (!field.equals(DTYPE) && !field.equals(SHAPE) && !field.equals(OFFSETS)) {
        throw problem(tensor + " has an unknown field " + quote(field) + " (a tensor has dtype, shape and "
            + "data_offsets only)");
      }
    }
    Dtype dtype = dtype(tensor, required(tensor, fields, DTYPE));
    long[] shape = integers(tensor, SHAPE, required(tensor, fields, SHAPE));
    long[] offsets = integers(tensor, OFFSETS, required(tensor, fields, OFFSETS));
    if (offsets.length != 2) {
      throw problem(tensor + ": data_offsets should be [begin, end] but has " + offsets.length + " numbers");
    }
    return new TensorEntry(name, dtype, shape, byteLength(tensor, dtype, shape), offsets[0], offsets[1], index);
  }

  /**
   * The fields of the object at the parser, read one by one so that a key given twice is an error that names the
   * key and its owner (a tree would silently keep the last value).
   */
  private Map<String, JsonNode> fields(String owner, String expected, JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      JsonNode value = MAPPER.readTree(parser);
      throw problem(owner + " should be " + expected + " but is " + describe(value));
    }
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      parser.nextToken();
      JsonNode value = MAPPER.readTree(parser);
      if (fields.put(key, value) != null) {
        throw problem(owner + " lists " + quote(key) + " twice");
      }
    }
    return fields;
  }

  private JsonNode required(String tensor, Map<String, JsonNode> entry, String field) throws SafetensorsException {
    JsonNode value = entry.get(field);
    if (value == null) {
      throw problem(tensor + " has no " + field);
    }
    return value;
  }

  private Dtype dtype(String tensor, JsonNode value) throws SafetensorsException {
    if (!value.isTextual()) {
      throw problem(tensor + ": dtype should be a string such as \"F32\" but is " + describe(value));
    }
    String name = value.textValue();
    return Dtype.byName(name).orElseThrow(() -> problem(tensor + " has unknown dtype " + quote(name)
        + " (known: " + Dtype.knownNames() + ")"));
  }

  /** A JSON array of integers in [0, Long.MAX_VALUE], which is all shapes and offsets may hold. */
  private long[] integers(String tensor, String field, JsonNode value) throws SafetensorsException {
    if (!value.isArray()) {
      throw problem(tensor + ": " + field + " should be an array of integers but is " + describe(value));
    }
    long[] numbers = new long[value.size()];
    for (int i = 0; i < numbers.length; i++) {
      JsonNode element = value.get(i);
      String what = tensor + ": " + field + "[" + i + "]";
      if (!element.isIntegralNumber()) {
        throw problem(what + " should be a non-negative integer but is " + describe(element));
      }
      BigInteger number = element.bigIntegerValue();
      if (number.signum() < 0) {
        throw problem(what + " is negative (" + number + ")");
      }
      if (number.bitLength() > Long.SIZE - 1) {
        throw problem(what + " is " + abbreviate(number.toString()) + ", too large for any file");
      }
      numbers[i] = number.longValue();
    }
    return numbers;
  }

  private long byteLength(String tensor, Dtype dtype, long[] shape) throws SafetensorsException {
    try {
      long elements = 1;
      for (long dimension : shape) {
        elements = Math.multiplyExact(elements, dimension);
      }
      return Math.multiplyExact(elements, (long) dtype.size());
    } catch (ArithmeticException e) {
      throw problem(tensor + ": shape " + Arrays.toString(shape) + " of " + dtype + " has more bytes than a 64-bit "
          + "count holds (overflow)");
    }
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      case START_OBJECT -> "an object";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }

  /** The kind of a JSON value and, for a scalar, the value itself (abbreviated). */
  private static String describe(JsonNode value) {
    return switch (value.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string (" + quote(value.textValue()) + ")";
      case NUMBER -> "a number (" + abbreviate(value.asText()) + ")";
      case BOOLEAN -> "a boolean (" + value.asText() + ")";
      case NULL -> "null";
      default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  private static String where(JsonLocation location) {
    return location == null || location.getCharOffset() < 0 ? "" : " (at character " + location.getCharOffset() + ")";
  }

  /** A name as JSON writes it (so control characters and quotes stay visible), shortened if very long. */
  static String quote(String text) {
    try {
      return MAPPER.writeValueAsString(abbreviate(text));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a Java string always serialises", e);
    }
  }

  private static String abbreviate(String text) {
    if (text.length() <= MAX_SHOWN_CHARS) {
      return text;
    }
    int cut = Character.isHighSurrogate(text.charAt(MAX_SHOWN_CHARS - 1)) ? MAX_SHOWN_CHARS - 1 : MAX_SHOWN_CHARS;
    return text.substring(0, cut) + "...";
  }

  private SafetensorsException problem(String what) {
    return new SafetensorsException(file, what);
  }

  private SafetensorsException problem(String what, Throwable cause) {
    return new SafetensorsException(file, what, cause);
  }
}
