package netforge.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per way a safetensors file can be malformed: each is a SafetensorsException that says what is wrong. */
class MalformedFileTest {
  /** A correct one-tensor header; tests break one thing in it. */
  private static final String GOOD_ENTRY = "{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}";

  @TempDir Path dir;

  @Test
  void read_emptyFile_saysTooShort() throws IOException {
    Path file = Files.write(dir.resolve("empty.safetensors"), new byte[0]);
    assertRejected(file, "only 0 bytes long", "8-byte header length");
  }

  @Test
  void read_fileShorterThanLengthField_saysTooShort() throws IOException {
    Path file = Files.write(dir.resolve("short.safetensors"), new byte[] {8, 0, 0, 0, 0});
    assertRejected(file, "only 5 bytes long");
  }

  @Test
  void read_headerLengthBeyondFile_saysTruncated() throws IOException {
    assertRejected(new RawFile().header("{}").lengthField(100), "header length field says 100 bytes",
        "only 2 bytes follow", "truncated");
  }

  @Test
  void read_headerLengthJustUnderCapButBeyondFile_failsWithoutAllocatingIt() throws IOException {
    assertRejected(new RawFile().header("{}").lengthField(HeaderParser.MAX_HEADER_BYTES), "says 100000000 bytes",
        "only 2 bytes follow");
  }

  @Test
  void read_headerLengthOverCap_saysHugeHeader() throws IOException {
    assertRejected(new RawFile().header("{}").lengthField(HeaderParser.MAX_HEADER_BYTES + 1L), "huge header",
        "100000001 bytes");
  }

  @Test
  void read_headerLengthWithTopBitSet_isReadUnsigned() throws IOException {
    assertRejected(new RawFile().header("{}").lengthField(-1), "huge header", "18446744073709551615 bytes");
  }

  @Test
  void read_headerNotUtf8_saysWhichByte() throws IOException {
    byte[] header = "{\"a\u00e9\":1}".getBytes(StandardCharsets.ISO_8859_1);
    assertRejected(new RawFile().headerBytes(header), "not valid UTF-8", "0xE9 at header byte 3");
  }

  @Test
  void read_headerWithOverlongUtf8_isNotUtf8() throws IOException {
    // 0xC0 0xAF is an overlong '/', which lenient decoders accept.
    byte[] header = {'{', '"', (byte) 0xC0, (byte) 0xAF, '"', ':', '1', '}'};
    assertRejected(new RawFile().headerBytes(header), "not valid UTF-8");
  }

  @Test
  void read_headerNotJson_saysWhere() throws IOException {
    assertRejected(new RawFile().header("{\"a\": "), "not valid JSON", "at character");
  }

  @Test
  void read_headerWithNaN_isNotJson() throws IOException {
    assertRejected(entry("{\"dtype\":\"F32\",\"shape\":[NaN],\"data_offsets\":[0,8]}"), "not valid JSON");
  }

  @Test
  void read_deeplyNestedHeader_isRejectedWithoutOverflowingTheStack() throws IOException {
    assertRejected(new RawFile().header("{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}"),
        "not valid JSON", "nesting depth");
  }

  @Test
  void read_headerJsonArray_saysNotAnObject() throws IOException {
    assertRejected(new RawFile().header("[1, 2]"), "should be a JSON object", "an array");
  }

  @Test
  void read_headerEmpty_saysEmpty() throws IOException {
    assertRejected(new RawFile().header(""), "header is empty");
  }

  @Test
  void read_headerWithSecondObject_saysMoreAfterObject() throws IOException {
    assertRejected(new RawFile().header("{}{}"), "more after its JSON object");
  }

  @Test
  void read_headerPaddedWithSpaces_isAccepted() throws IOException {
    Path file = new RawFile().header("{}    ").writeTo(dir.resolve("padded.safetensors"));
    assertEquals(0, SafetensorsFile.read(file).names().size());
  }

  @Test
  void read_entryNotAnObject_saysWhatItIs() throws IOException {
    assertRejected(new RawFile().header("{\"a\":[0,8]}"), "tensor \"a\"", "should be an object", "an array");
  }

  @Test
  void read_entryWithoutDtype_saysSo() throws IOException {
    assertRejected(entry("{\"shape\":[2],\"data_offsets\":[0,8]}"), "tensor \"a\" has no dtype");
  }

  @Test
  void read_entryWithoutShape_saysSo() throws IOException {
    assertRejected(entry("{\"dtype\":\"F32\",\"data_offsets\":[0,8]}"), "tensor \"a\" has no shape");
  }

  @Test
  void read_entryWithoutOffsets_saysSo() throws IOException {
    assertRejected(entry("{\"dtype\":\"F32\",\"shape\":[2]}"), "tensor \"a\" has no data_offsets");
  }

  @Test
  void read_dtypeNotAString_saysType() throws IOException {
    assertRejected(entry("{\"dtype\":32,\"shape\":[2],\"data_offsets\":[0,8]}"), "dtype should be a string",
        "a number (32)");
  }

  @Test
  void read_shapeNotAnArray_saysType() throws IOException {
    assertRejected(entry("{\"dtype\":\"F32\",\"shape\":\"2\",\"data_offsets\":[0,8]}"),
        "shape should be an array of integers", "a string (\"2\")");
  }

  @Test
  void read_offsetsNotAnArray_saysType() throws IOException {
    assertRejected(entry("{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":{\"begin\":0}}"),
        "data_offsets should be an array of integers", "an object");
  }

  @Test
  void read_offsetsOfThreeNumbers_saysBeginEnd() throws IOException {
    assertRejected(entry("{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4,8]}"),
        "should be [begin, end] but has 3 numbers");
  }

  @Test
  void read_unknownField_isNamed() throws IOException {
    assertRejected(entry("{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8],\"offsets\":[0,8]}"),
        "unknown field \"offsets\"");
  }

  @Test
  void read_duplicateFieldInEntry_isNamed() throws IOException {
    assertRejected(entry("{\"dtype\":\"F32\",\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,8]}"),
        "tensor \"a\" lists \"dtype\" twice");
  }

  @Test
  void read_duplicateMetadataKey_isNamed() throws IOException {
    assertRejected(new RawFile().header("{\"__metadata__\":{\"format\":\"pt\",\"format\":\"np\"}}"),
        "__metadata__ lists \"format\" twice");
  }

  @Test
  void read_unknownDtype_listsKnownOnes() throws IOException {
    assertRejected(entry("{\"dtype\":\"F31\",\"shape\":[2],\"data_offsets\":[0,8]}"), "unknown dtype \"F31\"",
        "known: BOOL", "F32");
  }

  @Test
  void read_lowerCaseDtype_isUnknown() throws IOException {
    assertRejected(entry("{\"dtype\":\"f32\",\"shape\":[2],\"data_offsets\":[0,8]}"), "unknown dtype \"f32\"");
  }

  @Test
  void read_negativeShape_saysNegative() throws IOException {
    assertRejected(entry("{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}"), "shape[0] is negative (-2)");
  }

  @Test
  void read_fractionalShape_saysNotAnInteger() throws IOException {
    assertRejected(entry("{\"dtype\":\"F32\",\"shape\":[2.0],\"data_offsets\":[0,8]}"),
        "shape[0] should be a non-negative integer", "a number (2.0)");
  }

  @Test
  void read_exponentShape_saysNotAnInteger() throws IOException {
    assertRejected(entry("{\"dtype\":\"F32\",\"shape\":[2e0],\"data_offsets\":[0,8]}"),
        "shape[0] should be a non-negative integer");
  }

  @Test
  void read_shapeBeyond64Bits_saysTooLarge() throws IOException {
    assertRejected(entry("{\"dtype\":\"F32\",\"shape\":[18446744073709551616],\"data_offsets\":[0,8]}"),
        "shape[0] is 18446744073709551616, too large");
  }

  @Test
  void read_shapeWhoseElementCountOverflows_saysOverflow() throws IOException {
    assertRejected(entry("{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,8]}"),
        "shape [4294967296, 4294967296] of F32", "overflow");
  }

  @Test
  void read_shapeWhoseByteCountOverflows_saysOverflow() throws IOException {
    // 2^62 elements fit in a long; 2^64 bytes of F32 do not.
    assertRejected(entry("{\"dtype\":\"F32\",\"shape\":[4611686018427387904],\"data_offsets\":[0,8]}"),
        "overflow");
  }

  @Test
  void read_negativeOffset_saysNegative() throws IOException {
    assertRejected(entry("{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[-8,0]}"), "data_offsets[0] is negative");
  }

  @Test
  void read_reversedOffsets_saysReversed() throws IOException {
    assertRejected(entry("{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,0]}"), "data_offsets [8, 0]",
        "reversed");
  }

  @Test
  void read_offsetsOfWrongLength_sayBothLengths() throws IOException {
    assertRejected(new RawFile().header("{\"a\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,8]}}")
        .floats(1, 2), "span 8 bytes but F32 of shape [2, 3] needs 24 bytes", "wrong byte length");
  }

  @Test
  void read_offsetsOutsideBuffer_saysTruncated() throws IOException {
    assertRejected(new RawFile().header("{\"a\":" + GOOD_ENTRY + "}").floats(1), "data_offsets [0, 8]",
        "outside the data buffer, which has 4 bytes");
  }

  @Test
  void read_overlappingTensors_namesBoth() throws IOException {
    assertRejected(new RawFile().header("{\"a\":" + GOOD_ENTRY
        + ",\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}").floats(1, 2, 3),
        "tensor \"b\" at [4, 12) overlaps tensor \"a\" at [0, 8)");
  }

  @Test
  void read_sameRangeTwice_isAnOverlap() throws IOException {
    assertRejected(new RawFile().header("{\"a\":" + GOOD_ENTRY + ",\"b\":" + GOOD_ENTRY + "}").floats(1, 2),
        "overlaps");
  }

  @Test
  void read_holeBetweenTensors_saysWhere() throws IOException {
    assertRejected(new RawFile().header("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
        + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}").floats(1, 2, 3),
        "hole in the data buffer: bytes [4, 8) belong to no tensor (between \"a\" and \"b\")");
  }

  @Test
  void read_holeBeforeFirstTensor_saysWhere() throws IOException {
    assertRejected(new RawFile().header("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}")
        .floats(1, 2), "bytes [0, 4) belong to no tensor (before the first tensor, \"a\")");
  }

  @Test
  void read_trailingBytes_saysHowMany() throws IOException {
    assertRejected(new RawFile().header("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}")
        .floats(1, 2), "trailing bytes", "end at byte 4", "4 more bytes follow");
  }

  @Test
  void read_dataButNoTensors_isTrailingBytes() throws IOException {
    assertRejected(new RawFile().header("{}").floats(1), "trailing bytes");
  }

  @Test
  void read_duplicateTensorName_isNamed() throws IOException {
    assertRejected(new RawFile().header("{\"a\":" + GOOD_ENTRY + ",\"a\":" + GOOD_ENTRY + "}").floats(1, 2),
        "duplicate name", "\"a\" twice");
  }

  @Test
  void read_duplicateMetadata_isADuplicateName() throws IOException {
    assertRejected(new RawFile().header("{\"__metadata__\":{},\"__metadata__\":{}}"), "duplicate name",
        "\"__metadata__\" twice");
  }

  @Test
  void read_metadataValueNotAString_namesKey() throws IOException {
    assertRejected(new RawFile().header("{\"__metadata__\":{\"epochs\":12}}"),
        "__metadata__ value of \"epochs\" is a number (12)", "must be strings");
  }

  @Test
  void read_metadataNull_saysNotAnObject() throws IOException {
    assertRejected(new RawFile().header("{\"__metadata__\":null}"), "__metadata__ should be an object", "null");
  }

  @Test
  void read_controlCharacterInName_isQuotedVisibly() throws IOException {
    assertRejected(new RawFile().header("{\"a\\nb\":{\"dtype\":\"F32\"}}"), "tensor \"a\\nb\" has no shape");
  }

  private RawFile entry(String json) {
    return new RawFile().header("{\"a\":" + json + "}").floats(1, 2);
  }

  private void assertRejected(RawFile raw, String... keyWords) throws IOException {
    assertRejected(raw.writeTo(dir.resolve("model.safetensors")), keyWords);
  }

  private static void assertRejected(Path file, String... keyWords) {
    SafetensorsException e = assertThrows(SafetensorsException.class, () -> SafetensorsFile.read(file));
    String message = e.getMessage();
    assertTrue(message.startsWith(file + ": "), () -> "does not start with the file: " + message);
    for (String keyWord : keyWords) {
      assertTrue(message.contains(keyWord), () -> "'" + keyWord + "' is not in: " + message);
    }
    assertEquals(file, e.file());
  }
}
