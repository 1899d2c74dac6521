package netforge.runtime.io;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.ParamSpec;

/**
 * A network's parameters as a safetensors file, the way PyTorch's {@code state_dict} would save them: one F32
 * tensor per parameter, named as {@link ParamSpec#name()} ({@code conv1.weight}), in PyTorch's layouts, so
 * {@code model.load_state_dict(strict=True)} accepts the file, and NetForge loads what PyTorch saved.
 *
 * <p>The metadata records {@code format: pt} (what PyTorch's tools look for), the network's name and its parameter
 * count, so a file loaded into the wrong network says whose weights it holds.
 */
public final class Safetensors {
  /** The metadata key for the total parameter count, for people and tools inspecting a file. */
  static final String PARAMETER_COUNT_KEY = "netforge.parameters";
  /** The metadata key for the generated model class whose parameters a file holds ({@code com.example.TinyNetModel}). */
  public static final String MODEL_CLASS_KEY = "netforge.model";
  /** The metadata key for the network's name ({@code TinyNet}); PyTorch's files have neither. */
  public static final String NETWORK_KEY = ParameterCheck.NETWORK_KEY;

  private Safetensors() {}

  /** Writes {@code values} (laid out as {@link NetworkSpec#parameters()} says) to {@code file}, atomically. */
  public static void save(Path file, NetworkSpec spec, float[] values) throws IOException {
    save(file, spec, values, null);
  }

  /**
   * As {@link #save(Path, NetworkSpec, float[])}, recording also the generated model class the weights belong to
   * (under {@value #MODEL_CLASS_KEY}), so that a tool can rebuild the network from the file alone.
   */
  public static void save(Path file, NetworkSpec spec, float[] values, String modelClass) throws IOException {
    if (values.length != spec.parameterCount()) {
      throw new IllegalArgumentException(spec.name() + " has " + spec.parameterCount() + " parameters but "
          + values.length + " values were given to save");
    }
    SafetensorsWriter writer = SafetensorsFile.writer()
        .metadata("format", "pt")
        .metadata(ParameterCheck.NETWORK_KEY, spec.name())
        .metadata(PARAMETER_COUNT_KEY, Long.toString(spec.parameterCount()));
    if (modelClass != null) {
      writer.metadata(MODEL_CLASS_KEY, modelClass);
    }
    for (ParamSpec param : spec.parameters()) {
      FloatBuffer window = FloatBuffer.wrap(values, Math.toIntExact(param.offset()), Math.toIntExact(param.size()));
      writer.floats(param.name(), window, Arrays.stream(param.shape()).asLongStream().toArray());
    }
    writer.write(file);
  }

  /**
   * Reads the parameters of {@code spec} from {@code file}, in the flat layout of {@link NetworkSpec#parameters()}.
   * Every name, dtype and shape must match; the exception lists each that does not.
   */
  public static float[] load(Path file, NetworkSpec spec) throws IOException {
    SafetensorsFile tensors = SafetensorsFile.read(file);
    ParameterCheck.check(tensors, spec);
    float[] values = new float[Math.toIntExact(spec.parameterCount())];
    for (ParamSpec param : spec.parameters()) {
      tensors.floatsInto(param.name(), values, Math.toIntExact(param.offset()));
    }
    return values;
  }
}
