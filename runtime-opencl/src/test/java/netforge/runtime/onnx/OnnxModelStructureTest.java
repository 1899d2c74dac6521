package netforge.runtime.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import netforge.runtime.onnx.proto.OnnxProtos.AttributeProto;
import netforge.runtime.onnx.proto.OnnxProtos.ModelProto;
import netforge.runtime.onnx.proto.OnnxProtos.NodeProto;
import netforge.runtime.onnx.proto.OnnxProtos.TensorProto;
import netforge.runtime.onnx.proto.OnnxProtos.ValueInfoProto;
import netforge.runtime.spec.LayerSpec;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.OpSpec;
import netforge.runtime.spec.ParamSpec;
import netforge.runtime.testing.OnnxRuntimeInference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the written file holds, read back with the same generated classes, and as ONNX Runtime declares it. */
class OnnxModelStructureTest {
  /**
   * Every kind of step: a rectangular strided padded convolution with ReLU, an even LRN, padded average pooling,
   * uneven adaptive pooling, dropout, max pooling and a bias-free dense layer on the image (an implicit flatten).
   */
  static final NetworkSpec EVERY_STEP = new NetworkSpec("EveryStep", new int[] {2, 9, 7}, 3, List.of(
      new LayerSpec("c1", "@Conv(out = 4, kh = 3, kw = 2, s = 2, p = 1) @ReLU",
          List.of(new OpSpec.Conv(4, 3, 2, 2, 1, true), new OpSpec.Relu()),
          new int[] {2, 9, 7}, new int[] {4, 5, 4}, 52, 0),
      new LayerSpec("norm", "@LRN(size = 4)", List.of(new OpSpec.Lrn(4, 1e-4, 0.75, 2)),
          new int[] {4, 5, 4}, new int[] {4, 5, 4}, 0, 0),
      new LayerSpec("a2", "@AvgPool(k = 3, s = 1, p = 1)", List.of(new OpSpec.Pool(false, 3, 1, 1)),
          new int[] {4, 5, 4}, new int[] {4, 5, 4}, 0, 0),
      new LayerSpec("adaptive", "@AdaptiveAvgPool(h = 3, w = 3)", List.of(new OpSpec.AdaptiveAvgPool(3, 3)),
          new int[] {4, 5, 4}, new int[] {4, 3, 3}, 0, 0),
      new LayerSpec("drop", "@Dropout(0.5)", List.of(new OpSpec.Dropout(0.5)),
          new int[] {4, 3, 3}, new int[] {4, 3, 3}, 0, 0),
      new LayerSpec("p3", "@MaxPool(k = 2, s = 1)", List.of(new OpSpec.Pool(true, 2, 1, 0)),
          new int[] {4, 3, 3}, new int[] {4, 2, 2}, 0, 0),
      new LayerSpec("fc", "@Dense(out = 3, bias = false)", List.of(new OpSpec.Dense(3, false)),
          new int[] {4, 2, 2}, new int[] {3}, 48, 0)),
      List.of(new ParamSpec("c1.weight", new int[] {4, 2, 3, 2}, 0, 12),
          new ParamSpec("c1.bias", new int[] {4}, 48, 12),
          new ParamSpec("fc.weight", new int[] {3, 16}, 52, 16)));

  static float[] params;
  static ModelProto model;

  @TempDir static Path dir;
  static Path file;

  @BeforeAll
  static void export() throws IOException {
    params = new float[100];
    for (int i = 0; i < params.length; i++) {
      params[i] = (i - 50) / 64f;
    }
    file = dir.resolve("every-step.onnx");
    OnnxExport.write(EVERY_STEP, params, file);
    try (InputStream in = Files.newInputStream(file)) {
      model = ModelProto.parseFrom(in);
    }
  }

  @Test
  void header_isOpset17_irVersion8_fromNetForge() {
    assertEquals(8, model.getIrVersion());
    assertEquals(1, model.getOpsetImportCount());
    assertEquals("", model.getOpsetImport(0).getDomain(), "the default (ai.onnx) domain");
    assertEquals(17, model.getOpsetImport(0).getVersion());
    assertEquals("NetForge", model.getProducerName());
    assertEquals("EveryStep", model.getGraph().getName());
  }

  @Test
  void input_andOutput_haveASymbolicBatch() {
    assertEquals(List.of("batch", "2", "9", "7"), dims(model.getGraph().getInputList(), "input"));
    assertEquals(List.of("batch", "3"), dims(model.getGraph().getOutputList(), "logits"));
    assertArrayEquals(new long[] {-1, 2, 9, 7}, OnnxRuntimeInference.declaredShape(file, "input"));
    assertArrayEquals(new long[] {-1, 3}, OnnxRuntimeInference.declaredShape(file, "logits"));
  }

  @Test
  void anyBatchSize_runs() {
    for (int batch : new int[] {1, 5}) {
      OnnxRuntimeInference.Output out = OnnxRuntimeInference.run(file, new float[batch * 126], batch, 2, 9, 7);
      assertArrayEquals(new long[] {batch, 3}, out.shape());
    }
  }

  @Test
  void initializers_areTheParameters_bySafetensorsName_shapeAndValue() {
    List<TensorProto> initializers = model.getGraph().getInitializerList();
    assertEquals(List.of("c1.weight", "c1.bias", "fc.weight"), initializers.stream().map(TensorProto::getName).toList(),
        "the learned tensors and nothing else: constants are Constant nodes");
    for (ParamSpec p : EVERY_STEP.parameters()) {
      TensorProto t = initializers.stream().filter(i -> i.getName().equals(p.name())).findFirst().orElseThrow();
      assertEquals(TensorProto.DataType.FLOAT_VALUE, t.getDataType(), p.name());
      assertArrayEquals(Arrays.stream(p.shape()).asLongStream().toArray(),
          t.getDimsList().stream().mapToLong(Long::longValue).toArray(), p.name());
      float[] stored = new float[(int) p.size()];
      ByteBuffer.wrap(t.getRawData().toByteArray()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(stored);
      float[] expected = Arrays.copyOfRange(params, (int) p.offset(), (int) (p.offset() + p.size()));
      assertArrayEquals(expected, stored, p.name());
    }
  }

  @Test
  void nodes_followTheLayers_withoutDropout_andEndInLogits() {
    List<NodeProto> nodes = model.getGraph().getNodeList();
    List<String> ops = nodes.stream().map(NodeProto::getOpType).filter(op -> !op.equals("Constant")).toList();
    assertEquals(List.of("Conv", "Relu", "Mul", "Unsqueeze", "AveragePool", "Squeeze", "Mul", "Add", "Pow", "Mul",
        "AveragePool", "MatMul", "MatMul", "MaxPool", "Flatten", "Gemm"), ops);
    assertFalse(ops.contains("Dropout"));
    assertEquals("logits", nodes.get(nodes.size() - 1).getOutput(0));
    assertEquals("fc/Gemm", nodes.get(nodes.size() - 1).getName());
    assertEquals(List.of("input", "c1.weight", "c1.bias"), nodes.get(0).getInputList());
  }

  @Test
  void windowedNodes_carryPyTorchsHyperParameters() {
    Map<String, NodeProto> byName = model.getGraph().getNodeList().stream()
        .collect(Collectors.toMap(NodeProto::getName, Function.identity()));
    Map<String, AttributeProto> conv = attributes(byName.get("c1/Conv"));
    assertEquals(List.of(3L, 2L), conv.get("kernel_shape").getIntsList());
    assertEquals(List.of(2L, 2L), conv.get("strides").getIntsList());
    assertEquals(List.of(1L, 1L, 1L, 1L), conv.get("pads").getIntsList());
    Map<String, AttributeProto> avg = attributes(byName.get("a2/AveragePool"));
    assertEquals(1, avg.get("count_include_pad").getI(), "padded zeros count, as in NetForge and PyTorch");
    assertEquals(List.of(1L, 1L, 1L, 1L), avg.get("pads").getIntsList());
    assertFalse(avg.containsKey("ceil_mode") && avg.get("ceil_mode").getI() != 0, "floor mode");
    assertEquals(1, attributes(byName.get("fc/Gemm")).get("transB").getI(), "weights [out, in], as PyTorch's");
    assertEquals(1, attributes(byName.get("fc/Flatten")).get("axis").getI());
  }

  @Test
  void wrongParameterCount_isRefused_namingTheNetwork() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OnnxExport.write(EVERY_STEP, new float[99], dir.resolve("never.onnx")));
    assertEquals("EveryStep has 100 parameters but 99 values were given to export", e.getMessage());
    assertTrue(Files.notExists(dir.resolve("never.onnx")));
  }

  private static Map<String, AttributeProto> attributes(NodeProto node) {
    return node.getAttributeList().stream().collect(Collectors.toMap(AttributeProto::getName, Function.identity()));
  }

  private static List<String> dims(List<ValueInfoProto> values, String name) {
    ValueInfoProto value = values.stream().filter(v -> v.getName().equals(name)).findFirst().orElseThrow();
    assertEquals(TensorProto.DataType.FLOAT_VALUE, value.getType().getTensorType().getElemType());
    return value.getType().getTensorType().getShape().getDimList().stream()
        .map(d -> d.hasDimParam() ? d.getDimParam() : Long.toString(d.getDimValue())).toList();
  }
}
