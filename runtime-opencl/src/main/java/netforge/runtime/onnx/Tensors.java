package netforge.runtime.onnx;

import com.google.protobuf.UnsafeByteOperations;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import netforge.runtime.onnx.proto.OnnxProtos.TensorProto;

/** Float tensors as onnx.proto stores them: dims, then the values as little-endian bytes in {@code raw_data}. */
final class Tensors {
  private Tensors() {}

  /** A tensor of {@code dims} holding {@code values[offset ..]}, as many as the dims call for. */
  static TensorProto floats(String name, int[] dims, float[] values, int offset) {
    int count = Math.toIntExact(Arrays.stream(dims).asLongStream().reduce(1, Math::multiplyExact));
    ByteBuffer bytes = ByteBuffer.allocate(Math.multiplyExact(count, Float.BYTES)).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values, offset, count);
    TensorProto.Builder tensor = TensorProto.newBuilder().setName(name)
        .setDataType(TensorProto.DataType.FLOAT_VALUE)
        // the buffer is never written again, so it is wrapped rather than copied: AlexNet's fc6 alone is 151 MB
        .setRawData(UnsafeByteOperations.unsafeWrap(bytes));
    for (int d : dims) {
      tensor.addDims(d);
    }
    return tensor.build();
  }

  static TensorProto floats(String name, int[] dims, float... values) {
    return floats(name, dims, values, 0);
  }

  /** 64-bit integers (axes, shapes: the operands ONNX takes as int64 tensors). */
  static TensorProto int64s(String name, int[] dims, long... values) {
    TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE);
    for (int d : dims) {
      tensor.addDims(d);
    }
    for (long v : values) {
      tensor.addInt64Data(v);
    }
    return tensor.build();
  }

  /** A rank-0 tensor, for the constants of an arithmetic node. */
  static TensorProto scalar(String name, double value) {
    return floats(name, new int[0], (float) value);
  }
}
