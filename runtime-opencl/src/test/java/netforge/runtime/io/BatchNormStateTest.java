package netforge.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.NetworkState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A BatchNorm's state in a weights file, as PyTorch's {@code state_dict} holds it: {@code running_mean} and
 * {@code running_var} F32 of shape [channels], {@code num_batches_tracked} an I64 scalar (shape []); and each way a
 * file can get it wrong.
 */
class BatchNormStateTest {
  private static final NetworkSpec NET = TestNetworks.withBatchNorm("Normed");
  private static final NetworkState STATE = new NetworkState(new float[] {0.25f, -1.5f, 2f, 0.75f},
      new long[] {3_000_000_000L});

  @TempDir Path dir;

  @Test
  void saveThenRead_givesTheSameParametersAndState() throws IOException {
    float[] values = TestNetworks.countingValues(NET);
    Path file = dir.resolve("normed.safetensors");
    Safetensors.save(file, NET, values, STATE, null);
    Weights read = Safetensors.read(file, NET);
    assertArrayEquals(values, read.parameters());
    assertEquals(STATE, read.state());
    assertArrayEquals(values, Safetensors.load(file, NET));
  }

  @Test
  void save_writesPyTorchsDtypesAndShapes() throws IOException {
    Path file = dir.resolve("normed.safetensors");
    Safetensors.save(file, NET, TestNetworks.countingValues(NET), STATE, null);
    SafetensorsFile f = SafetensorsFile.read(file);
    assertEquals(Dtype.F32, f.dtype("conv1.bn.running_var"));
    assertArrayEquals(new long[] {2}, f.shape("conv1.bn.running_var"));
    assertArrayEquals(new float[] {2f, 0.75f}, f.floats("conv1.bn.running_var"));
    assertEquals(Dtype.I64, f.dtype("conv1.bn.num_batches_tracked"));
    assertArrayEquals(new long[] {}, f.shape("conv1.bn.num_batches_tracked"));
    assertArrayEquals(new long[] {3_000_000_000L}, f.longs("conv1.bn.num_batches_tracked"));
  }

  @Test
  void save_withoutTheState_isAnIllegalArgument() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Safetensors.save(dir.resolve("x.safetensors"), NET, TestNetworks.countingValues(NET)));
    assertEquals("Normed's state is 4 running-statistic values and 1 step count, but 0 values and 0 counts were"
        + " given", e.getMessage());
  }

  @Test
  void read_pytorchStyleFile_namesSorted_loads() throws IOException {
    float[] values = TestNetworks.countingValues(NET);
    Path file = dir.resolve("from_torch.safetensors");
    // torch's writer: names sorted, so the buffers come between the parameters
    SafetensorsFile.writer().metadata("format", "pt")
        .floats("conv1.bn.bias", slice(values, 20, 22), 2)
        .longs("conv1.bn.num_batches_tracked", new long[] {7})
        .floats("conv1.bn.running_mean", new float[] {0.25f, -1.5f}, 2)
        .floats("conv1.bn.running_var", new float[] {2f, 0.75f}, 2)
        .floats("conv1.bn.weight", slice(values, 18, 20), 2)
        .floats("conv1.weight", slice(values, 0, 18), 2, 1, 3, 3)
        .floats("fc.bias", slice(values, 76, 79), 3)
        .floats("fc.weight", slice(values, 22, 76), 3, 18).write(file);
    Weights read = Safetensors.read(file, NET);
    assertArrayEquals(values, read.parameters());
    assertEquals(new NetworkState(new float[] {0.25f, -1.5f, 2f, 0.75f}, new long[] {7}), read.state());
  }

  @Test
  void read_stepCountAsFloat_saysItMustBeI64() throws IOException {
    Path file = dir.resolve("model.safetensors");
    parameters().floats("conv1.bn.running_mean", new float[2], 2).floats("conv1.bn.running_var", new float[2], 2)
        .floats("conv1.bn.num_batches_tracked", new float[1]).write(file);
    SafetensorsException e = assertThrows(SafetensorsException.class, () -> Safetensors.read(file, NET));
    assertEquals(file + ": conv1.bn.num_batches_tracked is F32 but Normed's step counts (PyTorch's"
        + " num_batches_tracked) are I64 (convert the file to I64)", e.getMessage());
  }

  @Test
  void read_stepCountOfShapeOne_saysItIsAScalar() throws IOException {
    Path file = dir.resolve("model.safetensors");
    parameters().floats("conv1.bn.running_mean", new float[2], 2).floats("conv1.bn.running_var", new float[2], 2)
        .longs("conv1.bn.num_batches_tracked", new long[1], 1).write(file);
    SafetensorsException e = assertThrows(SafetensorsException.class, () -> Safetensors.read(file, NET));
    assertEquals(file + ": conv1.bn.num_batches_tracked has shape [1] but Normed's conv1.bn.num_batches_tracked is []"
        + " (a scalar)", e.getMessage());
  }

  @Test
  void read_runningStatisticsInDoublePrecision_saysTheyMustBeF32() throws IOException {
    Path file = dir.resolve("model.safetensors");
    parameters().doubles("conv1.bn.running_mean", new double[2], 2).floats("conv1.bn.running_var", new float[2], 2)
        .longs("conv1.bn.num_batches_tracked", new long[1]).write(file);
    SafetensorsException e = assertThrows(SafetensorsException.class, () -> Safetensors.read(file, NET));
    assertEquals(file + ": conv1.bn.running_mean is F64 but Normed's running statistics are F32 (convert the file to"
        + " F32)", e.getMessage());
  }

  @Test
  void read_parametersWithoutTheState_listsTheMissingBuffers() throws IOException {
    Path file = dir.resolve("model.safetensors");
    parameters().write(file);
    SafetensorsException e = assertThrows(SafetensorsException.class, () -> Safetensors.read(file, NET));
    assertEquals(file + ": missing 3 tensors: conv1.bn.running_mean [2], conv1.bn.running_var [2],"
        + " conv1.bn.num_batches_tracked []", e.getMessage());
  }

  @Test
  void readingTheStepCount_asFloats_failsNamingTheDtype() throws IOException {
    Path file = dir.resolve("model.safetensors");
    Safetensors.save(file, NET, TestNetworks.countingValues(NET), STATE, null);
    SafetensorsException e = assertThrows(SafetensorsException.class,
        () -> SafetensorsFile.read(file).floats("conv1.bn.num_batches_tracked"));
    assertEquals(file + ": tensor \"conv1.bn.num_batches_tracked\" is I64; floats() reads F32, F64, F16 or BF16"
        + " (bytes() reads any dtype)", e.getMessage());
    assertEquals(3_000_000_000L, ByteBuffer.wrap(SafetensorsFile.read(file).bytes("conv1.bn.num_batches_tracked"))
        .order(ByteOrder.LITTLE_ENDIAN).getLong());
  }

  private static SafetensorsWriter parameters() {
    return SafetensorsFile.writer().floats("conv1.weight", new float[18], 2, 1, 3, 3)
        .floats("conv1.bn.weight", new float[2], 2).floats("conv1.bn.bias", new float[2], 2)
        .floats("fc.weight", new float[54], 3, 18).floats("fc.bias", new float[3], 3);
  }

  private static float[] slice(float[] values, int from, int to) {
    return java.util.Arrays.copyOfRange(values, from, to);
  }
}
