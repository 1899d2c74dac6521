package netforge.runtime.onnx;

import netforge.runtime.onnx.proto.OnnxProtos.AttributeProto;
import netforge.runtime.onnx.proto.OnnxProtos.AttributeProto.AttributeType;
import netforge.runtime.onnx.proto.OnnxProtos.TensorProto;

/** Node attributes, each with the type tag that onnx.proto asks every attribute to carry. */
final class Attributes {
  private Attributes() {}

  static AttributeProto ints(String name, long... values) {
    AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name).setType(AttributeType.INTS);
    for (long v : values) {
      attribute.addInts(v);
    }
    return attribute.build();
  }

  static AttributeProto integer(String name, long value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeType.INT).setI(value).build();
  }

  /** ONNX's float attributes are single precision: {@code value} is rounded to the nearest float. */
  static AttributeProto real(String name, double value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOAT).setF((float) value).build();
  }

  static AttributeProto tensor(String name, TensorProto value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeType.TENSOR).setT(value).build();
  }
}
