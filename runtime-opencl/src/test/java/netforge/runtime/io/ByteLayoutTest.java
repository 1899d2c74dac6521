package netforge.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netforge.runtime.spec.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exact bytes the writer produces, compared with bytes built by hand from the format's description: the
 * header length, compact JSON with the metadata first, space padding to 8 bytes, offsets from the buffer start,
 * tensors back to back. The first cases are the reference implementation's own test vectors.
 */
class ByteLayoutTest {
  @TempDir Path dir;

  @Test
  void oneTensor_matchesReferenceVector() throws IOException {
    byte[] written = write(SafetensorsFile.writer().floats("attn.0", new float[] {0, 1, 2, 3, 4, 5}, 1, 2, 3));
    // 64 bytes of JSON: a multiple of 8, so no padding.
    byte[] expected = new RawFile().header("{\"attn.0\":{\"dtype\":\"F32\",\"shape\":[1,2,3],\"data_offsets\":[0,24]}}")
        .floats(0, 1, 2, 3, 4, 5).bytes();
    assertArrayEquals(expected, written);
    assertEquals(64, written[0]);
  }

  @Test
  void oneTensor_headerPaddedWithSpacesTo8Bytes() throws IOException {
    byte[] written = write(SafetensorsFile.writer().floats("attn0", new float[] {0, 1, 2, 3, 4, 5}, 1, 1, 2, 3));
    byte[] expected = new RawFile()
        .header("{\"attn0\":{\"dtype\":\"F32\",\"shape\":[1,1,2,3],\"data_offsets\":[0,24]}}       ")
        .floats(0, 1, 2, 3, 4, 5).bytes();
    assertArrayEquals(expected, written);
    assertEquals(72, written[0]);
  }

  @Test
  void empty_isBracesAndSixSpaces() throws IOException {
    assertArrayEquals(new byte[] {8, 0, 0, 0, 0, 0, 0, 0, '{', '}', ' ', ' ', ' ', ' ', ' ', ' '},
        write(SafetensorsFile.writer()));
  }

  @Test
  void metadataOnly_isPadded() throws IOException {
    byte[] expected = new RawFile().header("{\"__metadata__\":{\"framework\":\"pt\"}}     ").bytes();
    assertArrayEquals(expected, write(SafetensorsFile.writer().metadata("framework", "pt")));
  }

  @Test
  void mixedDtypes_largerElementsFirstAndBackToBack() throws IOException {
    byte[] written = write(SafetensorsFile.writer().metadata("format", "pt")
        .ints("b", new int[] {1, -2, 3}, 3)
        .doubles("a", new double[] {0.5, -1}, 2)
        .float16s("c", new float[] {1}, 1)
        .floats("s", new float[] {2.5f}));
    String header = "{\"__metadata__\":{\"format\":\"pt\"},"
        + "\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]},"
        + "\"b\":{\"dtype\":\"I32\",\"shape\":[3],\"data_offsets\":[16,28]},"
        + "\"s\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[28,32]},"
        + "\"c\":{\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[32,34]}}"
        + "      "; // 250 bytes of JSON, 6 spaces to 256
    ByteBuffer data = ByteBuffer.allocate(34).order(ByteOrder.LITTLE_ENDIAN)
        .putDouble(0.5).putDouble(-1).putInt(1).putInt(-2).putInt(3).putFloat(2.5f).putShort((short) 0x3c00);
    assertArrayEquals(new RawFile().header(header).data(data.array()).bytes(), written);
  }

  @Test
  void networkParameters_exportExactly() throws IOException {
    NetworkSpec spec = TestNetworks.tiny("Tiny", 2);
    float[] values = TestNetworks.countingValues(spec);
    Path file = dir.resolve("tiny.safetensors");
    Safetensors.save(file, spec, values);
    String header = "{\"__metadata__\":{\"format\":\"pt\",\"network\":\"Tiny\",\"netforge.parameters\":\"77\"},"
        + "\"conv1.weight\":{\"dtype\":\"F32\",\"shape\":[2,1,3,3],\"data_offsets\":[0,72]},"
        + "\"conv1.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[72,80]},"
        + "\"fc.weight\":{\"dtype\":\"F32\",\"shape\":[3,18],\"data_offsets\":[80,296]},"
        + "\"fc.bias\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[296,308]}}"
        + "   "; // 341 bytes of JSON, 3 spaces to 344
    assertArrayEquals(new RawFile().header(header).floats(values).bytes(), Files.readAllBytes(file));
    assertEquals(List.of("conv1.weight", "conv1.bias", "fc.weight", "fc.bias"), SafetensorsFile.read(file).names());
  }

  private byte[] write(SafetensorsWriter writer) throws IOException {
    Path file = dir.resolve("layout.safetensors");
    writer.write(file);
    return Files.readAllBytes(file);
  }
}
