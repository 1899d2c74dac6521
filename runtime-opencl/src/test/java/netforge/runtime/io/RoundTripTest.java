package netforge.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the writer writes, the reader reads back: every dtype, metadata, odd shapes and names. */
class RoundTripTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Dtype.class)
  void bytes_everyDtype_roundTrip(Dtype dtype) throws IOException {
    byte[] raw = new byte[6 * dtype.size()];
    new SplittableRandom(dtype.ordinal()).nextBytes(raw);
    SafetensorsFile file = writeAndRead(SafetensorsFile.writer().bytes("t", dtype, raw, 2, 3));
    assertEquals(dtype, file.dtype("t"));
    assertArrayEquals(new long[] {2, 3}, file.shape("t"));
    assertArrayEquals(raw, file.bytes("t"));
  }

  @Test
  void floats_f32_roundTripBitForBit() throws IOException {
    float[] values = {0f, -0f, 1.5f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NEGATIVE_INFINITY, Float.NaN, -3e-30f};
    SafetensorsFile file = writeAndRead(SafetensorsFile.writer().floats("w", values, 2, 4));
    assertEquals(Dtype.F32, file.dtype("w"));
    assertArrayEquals(values, file.floats("w"));
  }

  @Test
  void floats_fromAWindowOfABuffer_writeOnlyTheWindow() throws IOException {
    float[] all = {1, 2, 3, 4, 5, 6};
    SafetensorsFile file = writeAndRead(SafetensorsFile.writer().floats("w", FloatBuffer.wrap(all, 2, 3), 3));
    assertArrayEquals(new float[] {3, 4, 5}, file.floats("w"));
  }

  @Test
  void doubles_f64_roundTripAndNarrowToFloat() throws IOException {
    double[] values = {Math.PI, -1e300, 0.1};
    SafetensorsFile file = writeAndRead(SafetensorsFile.writer().doubles("d", values, 3));
    assertArrayEquals(values, file.doubles("d"));
    assertArrayEquals(new float[] {(float) Math.PI, Float.NEGATIVE_INFINITY, 0.1f}, file.floats("d"));
  }

  @Test
  void float16s_roundToHalfAndReadAsFloats() throws IOException {
    // Expected values as PyTorch rounds them: torch.tensor([...]).half().float().
    float[] values = {1f, 0.1f, 65504f, 1e6f, -2.5f};
    SafetensorsFile file = writeAndRead(SafetensorsFile.writer().float16s("h", values, 5));
    assertEquals(Dtype.F16, file.dtype("h"));
    assertArrayEquals(new float[] {1f, 0.0999755859375f, 65504f, Float.POSITIVE_INFINITY, -2.5f}, file.floats("h"));
    assertArrayEquals(new double[] {1, 0.0999755859375, 65504, Double.POSITIVE_INFINITY, -2.5}, file.doubles("h"));
  }

  @Test
  void bfloat16s_roundToBf16AndReadAsFloats() throws IOException {
    // Expected values as PyTorch rounds them: torch.tensor([...]).bfloat16().float().
    float[] values = {1f, 0.1f, 3e38f, -2.5f};
    SafetensorsFile file = writeAndRead(SafetensorsFile.writer().bfloat16s("b", values, 2, 2));
    assertEquals(Dtype.BF16, file.dtype("b"));
    assertArrayEquals(new float[] {1f, 0.10009765625f, 3.0040553e38f, -2.5f}, file.floats("b"));
  }

  @Test
  void ints_and_longs_roundTrip() throws IOException {
    int[] ints = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE};
    long[] longs = {Long.MIN_VALUE, 42, Long.MAX_VALUE};
    SafetensorsFile file = writeAndRead(SafetensorsFile.writer().ints("i", ints, 4).longs("l", longs, 3, 1));
    assertArrayEquals(ints, file.ints("i"));
    assertArrayEquals(longs, file.longs("l"));
    assertEquals(Dtype.I64, file.dtype("l"));
  }

  @Test
  void metadata_roundTripsInOrder() throws IOException {
    SafetensorsFile file = writeAndRead(SafetensorsFile.writer().metadata("format", "pt").metadata("epoch", "3")
        .metadata("note", "ünïcode \"quoted\"\n"));
    assertEquals(List.of("format", "epoch", "note"), List.copyOf(file.metadata().keySet()));
    assertEquals("ünïcode \"quoted\"\n", file.metadata().get("note"));
  }

  @Test
  void noTensorsNoMetadata_roundTrip() throws IOException {
    SafetensorsFile file = writeAndRead(SafetensorsFile.writer());
    assertTrue(file.names().isEmpty());
    assertEquals(Map.of(), file.metadata());
  }

  @Test
  void scalarsAndEmptyTensors_roundTrip() throws IOException {
    SafetensorsFile file = writeAndRead(SafetensorsFile.writer()
        .floats("scalar", new float[] {7}).floats("empty", new float[0], 0, 5).ints("empty2", new int[0], 3, 0));
    assertArrayEquals(new long[0], file.shape("scalar"));
    assertArrayEquals(new float[] {7}, file.floats("scalar"));
    assertArrayEquals(new long[] {0, 5}, file.shape("empty"));
    assertEquals(0, file.floats("empty").length);
    assertEquals(0, file.ints("empty2").length);
  }

  @Test
  void oddNames_roundTrip() throws IOException {
    List<String> names = List.of("größe.weight", "quote\"d", "new\nline", "", "emoji \uD83D\uDE00", "a/b\\c");
    SafetensorsWriter writer = SafetensorsFile.writer();
    names.forEach(name -> writer.ints(name, new int[] {name.length()}, 1));
    SafetensorsFile file = writeAndRead(writer);
    assertEquals(names, file.names());
    for (String name : names) {
      assertArrayEquals(new int[] {name.length()}, file.ints(name));
    }
  }

  @Test
  void names_areInDataOrder_largerElementsFirst() throws IOException {
    SafetensorsFile file = writeAndRead(SafetensorsFile.writer().ints("i", new int[1], 1)
        .bytes("u8", Dtype.U8, new byte[1], 1).doubles("d", new double[1], 1).floats("f", new float[1], 1)
        .float16s("h", new float[1], 1).longs("l", new long[1], 1));
    assertEquals(List.of("d", "l", "i", "f", "h", "u8"), file.names());
  }

  @Test
  void accessor_unknownName_suggestsTheNearOne() throws IOException {
    SafetensorsFile file = writeAndRead(SafetensorsFile.writer().floats("conv1.weight", new float[1], 1));
    assertFalse(file.contains("conv1.weights"));
    SafetensorsException e = assertThrows(SafetensorsException.class, () -> file.floats("conv1.weights"));
    assertTrue(e.getMessage().endsWith("has no tensor \"conv1.weights\" (did you mean conv1.weight?)"),
        e.getMessage());
  }

  @Test
  void accessor_wrongDtype_saysWhichReadsIt() throws IOException {
    SafetensorsFile file = writeAndRead(SafetensorsFile.writer().floats("w", new float[1], 1));
    SafetensorsException e = assertThrows(SafetensorsException.class, () -> file.ints("w"));
    assertTrue(e.getMessage().contains("tensor \"w\" is F32; ints() reads I32"), e.getMessage());
    assertThrows(SafetensorsException.class, () -> file.longs("w"));
    SafetensorsFile bools = writeAndRead(SafetensorsFile.writer().bytes("b", Dtype.BOOL, new byte[1], 1));
    assertThrows(SafetensorsException.class, () -> bools.floats("b"));
    assertThrows(SafetensorsException.class, () -> bools.doubles("b"));
  }

  @Test
  void writer_misuse_isAnIllegalArgument() {
    SafetensorsWriter writer = SafetensorsFile.writer().floats("a", new float[2], 2);
    assertThrows(IllegalArgumentException.class, () -> writer.floats("a", new float[2], 2));
    assertThrows(IllegalArgumentException.class, () -> writer.floats("b", new float[2], 3));
    assertThrows(IllegalArgumentException.class, () -> writer.floats("c", new float[0], -1, 0));
    assertThrows(IllegalArgumentException.class, () -> writer.floats("__metadata__", new float[1]));
    assertThrows(IllegalArgumentException.class, () -> writer.floats("\uD800", new float[1]));
    assertThrows(IllegalArgumentException.class, () -> writer.bytes("d", Dtype.F32, new byte[3], 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> writer.floats("e", new float[0], 1L << 32, 1L << 32, 0));
    assertTrue(e.getMessage().contains("overflows"), e.getMessage());
  }

  @Test
  void writer_zeroDimensionBesideAHugeOne_isAllowed() throws IOException {
    SafetensorsFile file = writeAndRead(SafetensorsFile.writer().floats("e", new float[0], 0, 1L << 40));
    assertArrayEquals(new long[] {0, 1L << 40}, file.shape("e"));
  }

  private SafetensorsFile writeAndRead(SafetensorsWriter writer) throws IOException {
    Path path = dir.resolve("t.safetensors");
    writer.write(path);
    return SafetensorsFile.read(path);
  }
}
