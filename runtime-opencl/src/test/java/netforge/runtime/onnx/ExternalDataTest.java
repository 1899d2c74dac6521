package netforge.runtime.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import netforge.runtime.onnx.proto.OnnxProtos.ModelProto;
import netforge.runtime.onnx.proto.OnnxProtos.StringStringEntryProto;
import netforge.runtime.onnx.proto.OnnxProtos.TensorProto;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.NetworkState;
import netforge.runtime.spec.ParamSpec;
import netforge.runtime.testing.OnnxRuntimeInference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parameters past the limit of one file go to {@code <file>.data}, as ONNX's external data: shown on a small
 * network with the limit lowered to nothing, since a real one would be over 1 GiB.
 */
class ExternalDataTest {
  private static final NetworkSpec SPEC = OnnxModelStructureTest.EVERY_STEP;

  @TempDir Path dir;

  @Test
  void overTheLimit_parametersGoBesideTheModel_andOnnxRuntimeComputesTheSameLogits() throws IOException {
    float[] params = new float[100];
    Random random = new Random(3);
    for (int i = 0; i < params.length; i++) {
      params[i] = (float) random.nextGaussian();
    }
    Path inline = dir.resolve("inline.onnx");
    Path split = dir.resolve("split.onnx");
    assertEquals(List.of(inline), OnnxExport.write(SPEC, params, inline));
    assertEquals(List.of(split, dir.resolve("split.onnx.data")), OnnxExport.write(SPEC, params, NetworkState.NONE, split, 0));
    assertFalse(Files.exists(dir.resolve("inline.onnx.data")));

    float[] input = new float[2 * SPEC.inputSize()];
    for (int i = 0; i < input.length; i++) {
      input[i] = (float) random.nextGaussian();
    }
    float[] expected = OnnxRuntimeInference.run(inline, input, 2, SPEC.inputShape()).values();
    assertArrayEquals(expected, OnnxRuntimeInference.run(split, input, 2, SPEC.inputShape()).values(),
        "the same floats, read from the data file");
  }

  @Test
  void eachTensor_isAtAPageAlignedOffset_withItsLength_littleEndian() throws IOException {
    float[] params = new float[100];
    for (int i = 0; i < params.length; i++) {
      params[i] = i + 0.5f;
    }
    Path model = dir.resolve("m.onnx");
    OnnxExport.write(SPEC, params, NetworkState.NONE, model, 0);
    ModelProto proto;
    try (InputStream in = Files.newInputStream(model)) {
      proto = ModelProto.parseFrom(in);
    }
    ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(OnnxExport.dataFile(model))).order(ByteOrder.LITTLE_ENDIAN);
    for (ParamSpec p : SPEC.parameters()) {
      TensorProto t = proto.getGraph().getInitializerList().stream().filter(i -> i.getName().equals(p.name()))
          .findFirst().orElseThrow();
      assertEquals(TensorProto.DataLocation.EXTERNAL, t.getDataLocation(), p.name());
      assertTrue(t.getRawData().isEmpty(), p.name());
      Map<String, String> where = t.getExternalDataList().stream()
          .collect(Collectors.toMap(StringStringEntryProto::getKey, StringStringEntryProto::getValue));
      assertEquals("m.onnx.data", where.get("location"), "relative to the model's directory");
      long offset = Long.parseLong(where.get("offset"));
      assertEquals(0, offset % 4096, p.name() + " at " + offset);
      assertEquals(p.size() * 4, Long.parseLong(where.get("length")), p.name());
      for (int i = 0; i < p.size(); i++) {
        assertEquals(params[(int) p.offset() + i], data.getFloat((int) (offset + 4L * i)), p.name() + "[" + i + "]");
      }
    }
  }
}
