package netforge.runtime.io;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.NetworkState;
import netforge.runtime.spec.ParamSpec;
import netforge.runtime.spec.StateSpec;

/**
 * A network's parameters as a safetensors file, the way PyTorch's {@code state_dict} would save them: one F32
 * tensor per parameter, named as {@link ParamSpec#name()} ({@code conv1.weight}), in PyTorch's layouts, and its
 * state, PyTorch's buffers ({@link StateSpec}): a BatchNorm's {@code running_mean} and {@code running_var} as F32 and
 * its {@code num_batches_tracked} as an I64 scalar. So {@code model.load_state_dict(strict=True)} accepts the file,
 * and NetForge loads what PyTorch saved.
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
   * (under {@value #MODEL_CLASS_KEY}), so that a tool can rebuild the network from the file alone. For a network
   * without state only: one with BatchNorm saves its running statistics too, with
   * {@link #save(Path, NetworkSpec, float[], NetworkState, String)}.
   */
  public static void save(Path file, NetworkSpec spec, float[] values, String modelClass) throws IOException {
    save(file, spec, values, NetworkState.NONE, modelClass);
  }

  /**
   * Writes the parameters {@code values} and the state {@code state} of {@code spec}'s network to {@code file},
   * atomically, with the model class (may be null) in the metadata.
   */
  public static void save(Path file, NetworkSpec spec, float[] values, NetworkState state, String modelClass)
      throws IOException {
    if (values.length != spec.parameterCount()) {
      throw new IllegalArgumentException(spec.name() + " has " + spec.parameterCount() + " parameters but "
          + values.length + " values were given to save");
    }
    state.requireFits(spec);
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
    addState(writer, spec, state);
    writer.write(file);
  }

  /** Adds {@code spec}'s state tensors, in PyTorch's names and dtypes, to a file being written. */
  public static void addState(SafetensorsWriter writer, NetworkSpec spec, NetworkState state) {
    state.requireFits(spec);
    float[] values = state.values();
    long[] counters = state.counters();
    for (StateSpec s : spec.state()) {
      long[] shape = Arrays.stream(s.shape()).asLongStream().toArray();
      int from = Math.toIntExact(s.offset());
      int to = Math.toIntExact(s.offset() + s.size());
      if (s.kind().isCounter()) {
        writer.longs(s.name(), Arrays.copyOfRange(counters, from, to), shape);
      } else {
        writer.floats(s.name(), Arrays.copyOfRange(values, from, to), shape);
      }
    }
  }

  /**
   * Reads the parameters of {@code spec} from {@code file}, in the flat layout of {@link NetworkSpec#parameters()}.
   * Every name, dtype and shape must match, the state's too; the exception lists each that does not.
   */
  public static float[] load(Path file, NetworkSpec spec) throws IOException {
    return read(file, spec).parameters();
  }

  /** Reads the parameters and the state of {@code spec} from {@code file}, checked as {@link #load} checks them. */
  public static Weights read(Path file, NetworkSpec spec) throws IOException {
    SafetensorsFile tensors = SafetensorsFile.read(file);
    ParameterCheck.check(tensors, spec);
    float[] values = new float[Math.toIntExact(spec.parameterCount())];
    for (ParamSpec param : spec.parameters()) {
      tensors.floatsInto(param.name(), values, Math.toIntExact(param.offset()));
    }
    return new Weights(values, state(tensors, spec));
  }

  /** The state tensors of a file that {@link ParameterCheck} has checked against {@code spec}. */
  static NetworkState state(SafetensorsFile tensors, NetworkSpec spec) throws SafetensorsException {
    float[] values = new float[Math.toIntExact(spec.stateValueCount())];
    long[] counters = new long[Math.toIntExact(spec.stateCounterCount())];
    for (StateSpec s : spec.state()) {
      if (s.kind().isCounter()) {
        long[] read = tensors.longs(s.name());
        System.arraycopy(read, 0, counters, Math.toIntExact(s.offset()), read.length);
      } else {
        tensors.floatsInto(s.name(), values, Math.toIntExact(s.offset()));
      }
    }
    return new NetworkState(values, counters);
  }
}
