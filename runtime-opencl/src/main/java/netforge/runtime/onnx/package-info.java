/**
 * ONNX export: {@link netforge.runtime.onnx.OnnxExport} writes a network and its parameters as an ONNX model
 * (opset 17) that ONNX Runtime and other tools run. The model is written with the classes protoc generates from
 * ONNX's own {@code onnx.proto}, which stay inside this module.
 */
package netforge.runtime.onnx;
