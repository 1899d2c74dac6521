package netforge.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import netforge.runtime.spec.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A network's parameters saved and loaded, and every way a file can disagree with the network. */
class SafetensorsTest {
  private static final NetworkSpec TINY = TestNetworks.tiny("Tiny", 2);

  @TempDir Path dir;

  @Test
  void saveThenLoad_givesTheSameValues() throws IOException {
    float[] values = TestNetworks.countingValues(TINY);
    Path file = dir.resolve("tiny.safetensors");
    Safetensors.save(file, TINY, values);
    assertArrayEquals(values, Safetensors.load(file, TINY));
  }

  @Test
  void save_writesFormatNetworkAndCount() throws IOException {
    Path file = dir.resolve("tiny.safetensors");
    Safetensors.save(file, TINY, TestNetworks.countingValues(TINY));
    assertEquals(Map.of("format", "pt", "network", "Tiny", "netforge.parameters", "77"),
        SafetensorsFile.read(file).metadata());
  }

  @Test
  void save_wrongNumberOfValues_isAnIllegalArgument() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Safetensors.save(dir.resolve("x.safetensors"), TINY, new float[76]));
    assertEquals("Tiny has 77 parameters but 76 values were given to save", e.getMessage());
  }

  @Test
  void load_pytorchStyleFile_namesSortedNoNetwork_loads() throws IOException {
    // As torch's safetensors writer lays it out: names sorted, only {"format": "pt"} as metadata.
    float[] values = TestNetworks.countingValues(TINY);
    float[] conv1Weight = Arrays.copyOfRange(values, 0, 18);
    float[] conv1Bias = Arrays.copyOfRange(values, 18, 20);
    float[] fcWeight = Arrays.copyOfRange(values, 20, 74);
    float[] fcBias = Arrays.copyOfRange(values, 74, 77);
    Path file = dir.resolve("from_torch.safetensors");
    new RawFile().header("{\"__metadata__\":{\"format\":\"pt\"},"
            + "\"conv1.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
            + "\"conv1.weight\":{\"dtype\":\"F32\",\"shape\":[2,1,3,3],\"data_offsets\":[8,80]},"
            + "\"fc.bias\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[80,92]},"
            + "\"fc.weight\":{\"dtype\":\"F32\",\"shape\":[3,18],\"data_offsets\":[92,308]}}")
        .padded().floats(concat(conv1Bias, conv1Weight, fcBias, fcWeight)).writeTo(file);
    assertArrayEquals(values, Safetensors.load(file, TINY));
  }

  @Test
  void load_wrongShape_saysBothShapes() throws IOException {
    Path file = dir.resolve("model.safetensors");
    SafetensorsFile.writer().floats("conv1.weight", new float[18], 2, 1, 3, 3).floats("conv1.bias", new float[2], 2)
        .floats("fc.weight", new float[60], 3, 20).floats("fc.bias", new float[3], 3).write(file);
    SafetensorsException e = assertThrows(SafetensorsException.class, () -> Safetensors.load(file, TINY));
    assertEquals(file + ": fc.weight has shape [3, 20] but Tiny's fc.weight is [3, 18]", e.getMessage());
  }

  @Test
  void load_wrongDtype_saysWhich() throws IOException {
    Path file = dir.resolve("model.safetensors");
    SafetensorsFile.writer().floats("conv1.weight", new float[18], 2, 1, 3, 3).floats("conv1.bias", new float[2], 2)
        .floats("fc.weight", new float[54], 3, 18).float16s("fc.bias", new float[3], 3).write(file);
    SafetensorsException e = assertThrows(SafetensorsException.class, () -> Safetensors.load(file, TINY));
    assertEquals(file + ": fc.bias is F16 but Tiny's parameters are F32 (convert the file to F32)", e.getMessage());
  }

  @Test
  void load_missingTensor_isListedWithItsShape() throws IOException {
    Path file = dir.resolve("model.safetensors");
    SafetensorsFile.writer().floats("conv1.weight", new float[18], 2, 1, 3, 3)
        .floats("fc.weight", new float[54], 3, 18).write(file);
    SafetensorsException e = assertThrows(SafetensorsException.class, () -> Safetensors.load(file, TINY));
    assertEquals(file + ": missing 2 tensors: conv1.bias [2], fc.bias [3]", e.getMessage());
  }

  @Test
  void load_unexpectedTensor_isListed() throws IOException {
    Path file = dir.resolve("model.safetensors");
    tinyTensors().floats("bn1.running_mean", new float[2], 2).write(file);
    SafetensorsException e = assertThrows(SafetensorsException.class, () -> Safetensors.load(file, TINY));
    assertEquals(file + ": unexpected 1 tensor: bn1.running_mean", e.getMessage());
  }

  @Test
  void load_nearMissNames_suggestTheRightOnes() throws IOException {
    Path file = dir.resolve("model.safetensors");
    SafetensorsFile.writer().floats("module.conv1.weight", new float[18], 2, 1, 3, 3)
        .floats("conv1.bias", new float[2], 2).floats("fc.weights", new float[54], 3, 18)
        .floats("fc.bias", new float[3], 3).write(file);
    SafetensorsException e = assertThrows(SafetensorsException.class, () -> Safetensors.load(file, TINY));
    assertEquals(file + ": the tensors do not match Tiny's parameters:\n"
        + "  missing 2 tensors: conv1.weight [2, 1, 3, 3], fc.weight [3, 18]\n"
        + "  unexpected 2 tensors: module.conv1.weight (did you mean conv1.weight?), "
        + "fc.weights (did you mean fc.weight?)", e.getMessage());
  }

  @Test
  void load_anotherNetworksFile_saysWhoseWeightsItHolds() throws IOException {
    NetworkSpec wide = TestNetworks.tiny("TinyWide", 4);
    Path file = dir.resolve("model.safetensors");
    Safetensors.save(file, wide, new float[(int) wide.parameterCount()]);
    SafetensorsException e = assertThrows(SafetensorsException.class, () -> Safetensors.load(file, TINY));
    assertEquals(file + ": this file holds TinyWide's weights, not Tiny's; the tensors do not match Tiny's parameters:\n"
        + "  conv1.weight has shape [4, 1, 3, 3] but Tiny's conv1.weight is [2, 1, 3, 3]\n"
        + "  conv1.bias has shape [4] but Tiny's conv1.bias is [2]\n"
        + "  fc.weight has shape [3, 36] but Tiny's fc.weight is [3, 18]", e.getMessage());
  }

  @Test
  void load_anotherNetworksFileWithOneDifference_saysBoth() throws IOException {
    Path file = dir.resolve("model.safetensors");
    SafetensorsFile.writer().metadata("network", "TinyWider")
        .floats("conv1.weight", new float[18], 2, 1, 3, 3).floats("conv1.bias", new float[2], 2)
        .floats("fc.weight", new float[60], 3, 20).floats("fc.bias", new float[3], 3).write(file);
    SafetensorsException e = assertThrows(SafetensorsException.class, () -> Safetensors.load(file, TINY));
    assertEquals(file + ": this file holds TinyWider's weights, not Tiny's; fc.weight has shape [3, 20] but Tiny's "
        + "fc.weight is [3, 18]", e.getMessage());
  }

  @Test
  void load_sameShapesUnderAnotherNetworkName_loads() throws IOException {
    // A renamed class with the same layers: the shapes decide, as in PyTorch's load_state_dict.
    float[] values = TestNetworks.countingValues(TINY);
    Path file = dir.resolve("model.safetensors");
    Safetensors.save(file, TestNetworks.tiny("TinyRenamed", 2), values);
    assertArrayEquals(values, Safetensors.load(file, TINY));
  }

  @Test
  void load_malformedFile_failsAsAFormatError() throws IOException {
    Path file = Files.write(dir.resolve("model.safetensors"), new byte[] {1, 2});
    SafetensorsException e = assertThrows(SafetensorsException.class, () -> Safetensors.load(file, TINY));
    assertTrue(e.getMessage().startsWith(file + ": the file is only 2 bytes long"), e.getMessage());
  }

  @Test
  void load_manyUnexpected_areCut() throws IOException {
    Path file = dir.resolve("model.safetensors");
    SafetensorsWriter writer = tinyTensors();
    for (int i = 0; i < 15; i++) {
      writer.floats("extra" + i, new float[1], 1);
    }
    writer.write(file);
    SafetensorsException e = assertThrows(SafetensorsException.class, () -> Safetensors.load(file, TINY));
    assertTrue(e.getMessage().endsWith("unexpected 15 tensors: extra0, extra1, extra2, extra3, extra4, extra5, "
        + "extra6, extra7, extra8, extra9 and 5 more"), e.getMessage());
  }

  /** A writer holding Tiny's correct tensors, to add wrong ones to. */
  private static SafetensorsWriter tinyTensors() {
    return SafetensorsFile.writer().floats("conv1.weight", new float[18], 2, 1, 3, 3)
        .floats("conv1.bias", new float[2], 2).floats("fc.weight", new float[54], 3, 18)
        .floats("fc.bias", new float[3], 3);
  }

  private static float[] concat(float[]... parts) {
    float[] all = new float[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
    int at = 0;
    for (float[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
