package netforge.runtime.testing;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * Runs an exported ONNX file in ONNX Runtime (Microsoft's engine, sharing no code with NetForge), for every
 * module's export tests (this class ships in runtime-opencl's test jar). One thread: the test machines are small
 * and shared, and the numbers must not depend on how work is split.
 */
public final class OnnxRuntimeInference {
  /** The output and its shape as the session reports it. */
  public record Output(float[] values, long[] shape) {}

  private OnnxRuntimeInference() {}

  /** Feeds {@code batch} images of {@code imageShape} as {@code "input"} and returns {@code "logits"}. */
  public static Output run(Path model, float[] input, int batch, int... imageShape) {
    long[] shape = LongStream.concat(LongStream.of(batch), Arrays.stream(imageShape).asLongStream()).toArray();
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      try (OrtSession session = env.createSession(model.toString(), options);
          OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
          OrtSession.Result result = session.run(Map.of("input", tensor))) {
        OnnxTensor logits = (OnnxTensor) result.get("logits").orElseThrow();
        FloatBuffer buffer = logits.getFloatBuffer();
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return new Output(values, logits.getInfo().getShape());
      }
    } catch (OrtException e) {
      throw new AssertionError("ONNX Runtime could not run " + model + ": " + e.getMessage(), e);
    }
  }

  /** The declared shape of the model's input or output {@code name}; -1 for a symbolic dimension. */
  public static long[] declaredShape(Path model, String name) {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession session = env.createSession(model.toString(), new OrtSession.SessionOptions())) {
      var info = session.getInputInfo().containsKey(name) ? session.getInputInfo().get(name)
          : session.getOutputInfo().get(name);
      if (info == null) {
        throw new AssertionError(model + " has no input or output named " + name + "; inputs "
            + session.getInputNames() + ", outputs " + session.getOutputNames());
      }
      return ((TensorInfo) info.getInfo()).getShape();
    } catch (OrtException e) {
      throw new AssertionError("ONNX Runtime could not load " + model + ": " + e.getMessage(), e);
    }
  }
}
