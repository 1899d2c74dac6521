package netforge.runtime.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netforge.runtime.io.SafetensorsException;
import netforge.runtime.io.Safetensors;
import netforge.runtime.io.SafetensorsFile;
import netforge.runtime.io.SafetensorsWriter;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.NetworkState;
import netforge.runtime.spec.ParamSpec;
import netforge.runtime.spec.StateSpec;

/**
 * Everything a run needs to continue bit-exactly after epoch {@code epoch}: the weights, the network's state (its
 * BatchNorms' running statistics and step counts, under PyTorch's names and dtypes), the optimizer's state
 * and step count, the dropout key (model seed and step), the data order of the last epoch with the settings that
 * decide it (batch size, image limit), how many test images each epoch was measured on (0 in checkpoints from before
 * that was recorded: unknown), and the history so far (with its points by steps, none in checkpoints from before those
 * were recorded). Stored as one safetensors file — weights as {@code <name>} in PyTorch's
 * layouts (so the file also loads as a model), optimizer state as {@code optimizer.<state>} — written atomically,
 * so a killed run leaves either the previous checkpoint or the new one, never a torn file.
 */
public record Checkpoint(String network, int epoch, int engineStep, long optimizerSteps, String optimizer,
    long seed, int batchSize, int limit, int testImages, int[] dataOrder, float[] parameters, NetworkState state,
    Map<String, float[]> optimizerState, List<EpochRecord> history, List<StepRecord> steps) {
  /** The order the last epoch visited the training images in: a resumed run checks its loader reproduces it. */
  static final String DATA_ORDER = "data.order";
  static final String FORMAT = "netforge.checkpoint";
  static final String VERSION = "1";
  static final String OPTIMIZER_PREFIX = "optimizer.";
  static final String TEST_IMAGES = "test.images";
  static final String STEPS = "history.steps";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A checkpoint of a network without state (no BatchNorm). */
  public Checkpoint(String network, int epoch, int engineStep, long optimizerSteps, String optimizer, long seed,
      int batchSize, int limit, int testImages, int[] dataOrder, float[] parameters,
      Map<String, float[]> optimizerState, List<EpochRecord> history, List<StepRecord> steps) {
    this(network, epoch, engineStep, optimizerSteps, optimizer, seed, batchSize, limit, testImages, dataOrder,
        parameters, NetworkState.NONE, optimizerState, history, steps);
  }

  public void write(Path file, NetworkSpec spec) throws IOException {
    write(file, spec, null);
  }

  /**
   * As {@link #write(Path, NetworkSpec)}, recording also the generated model class (as {@link Safetensors#save}
   * does), so that a checkpoint used as weights names its network.
   */
  public void write(Path file, NetworkSpec spec, String modelClass) throws IOException {
    SafetensorsWriter writer = SafetensorsFile.writer()
        .metadata("format", "pt")
        .metadata(FORMAT, VERSION)
        .metadata("network", network)
        .metadata("epoch", Integer.toString(epoch))
        .metadata("engine.step", Integer.toString(engineStep))
        .metadata("optimizer.steps", Long.toString(optimizerSteps))
        .metadata("optimizer", optimizer)
        .metadata("seed", Long.toString(seed))
        .metadata("batch", Integer.toString(batchSize))
        .metadata("limit", Integer.toString(limit))
        .metadata(TEST_IMAGES, Integer.toString(testImages))
        .metadata("history", JSON.writeValueAsString(history))
        .metadata(STEPS, JSON.writeValueAsString(steps));
    if (modelClass != null) {
      writer.metadata(Safetensors.MODEL_CLASS_KEY, modelClass);
    }
    for (ParamSpec p : spec.parameters()) {
      float[] values = Arrays.copyOfRange(parameters, (int) p.offset(), (int) (p.offset() + p.size()));
      writer.floats(p.name(), values, Arrays.stream(p.shape()).asLongStream().toArray());
    }
    Safetensors.addState(writer, spec, state);
    writer.ints(DATA_ORDER, dataOrder, dataOrder.length);
    for (Map.Entry<String, float[]> state : optimizerState.entrySet()) {
      writer.floats(OPTIMIZER_PREFIX + state.getKey(), state.getValue(), state.getValue().length);
    }
    writer.write(file);
  }

  /** Reads a checkpoint of {@code spec}'s network, checking every tensor against the network. */
  public static Checkpoint read(Path file, NetworkSpec spec) throws IOException {
    SafetensorsFile f = SafetensorsFile.read(file);
    Map<String, String> meta = f.metadata();
    if (!VERSION.equals(meta.get(FORMAT))) {
      throw new SafetensorsException(file, "is not a NetForge checkpoint (no '" + FORMAT + "' metadata); "
          + "a weights file loads with Model.load instead");
    }
    if (!spec.name().equals(meta.get("network"))) {
      throw new SafetensorsException(file, "is a checkpoint of " + meta.get("network") + ", not of " + spec.name());
    }
    float[] parameters = new float[Math.toIntExact(spec.parameterCount())];
    for (ParamSpec p : spec.parameters()) {
      if (!f.contains(p.name())) {
        throw new SafetensorsException(file, "has no tensor " + p.name());
      }
      long[] expected = Arrays.stream(p.shape()).asLongStream().toArray();
      if (!Arrays.equals(expected, f.shape(p.name()))) {
        throw new SafetensorsException(file, p.name() + " has shape " + Arrays.toString(f.shape(p.name()))
            + " but " + spec.name() + "'s is " + Arrays.toString(expected));
      }
      System.arraycopy(f.floats(p.name()), 0, parameters, (int) p.offset(), (int) p.size());
    }
    NetworkState networkState = state(file, f, spec);
    Map<String, float[]> state = new LinkedHashMap<>();
    for (String name : f.names()) {
      if (name.startsWith(OPTIMIZER_PREFIX)) {
        state.put(name.substring(OPTIMIZER_PREFIX.length()), f.floats(name));
      }
    }
    try {
      return new Checkpoint(spec.name(), count(file, meta, "epoch", 0), count(file, meta, "engine.step", 0),
          Long.parseLong(required(file, meta, "optimizer.steps")), required(file, meta, "optimizer"),
          Long.parseLong(required(file, meta, "seed")), count(file, meta, "batch", 1), count(file, meta, "limit", 1),
          meta.containsKey(TEST_IMAGES) ? count(file, meta, TEST_IMAGES, 0) : 0,
          f.contains(DATA_ORDER) ? f.ints(DATA_ORDER) : new int[0], parameters, networkState, state,
          history(file, meta), steps(file, meta));
    } catch (NumberFormatException | JsonProcessingException e) {
      throw new SafetensorsException(file, "has unreadable checkpoint metadata: " + e.getMessage());
    }
  }

  /** The network's state tensors, each of the shape and dtype {@code spec} gives it. */
  private static NetworkState state(Path file, SafetensorsFile f, NetworkSpec spec) throws SafetensorsException {
    float[] values = new float[Math.toIntExact(spec.stateValueCount())];
    long[] counters = new long[Math.toIntExact(spec.stateCounterCount())];
    for (StateSpec s : spec.state()) {
      if (!f.contains(s.name())) {
        throw new SafetensorsException(file, "has no tensor " + s.name() + " (the network's state: a BatchNorm's"
            + " running statistics and step count)");
      }
      long[] expected = Arrays.stream(s.shape()).asLongStream().toArray();
      if (!Arrays.equals(expected, f.shape(s.name()))) {
        throw new SafetensorsException(file, s.name() + " has shape " + Arrays.toString(f.shape(s.name()))
            + " but " + spec.name() + "'s is " + Arrays.toString(expected));
      }
      if (s.kind().isCounter()) {
        System.arraycopy(f.longs(s.name()), 0, counters, (int) s.offset(), (int) s.size());
      } else {
        System.arraycopy(f.floats(s.name()), 0, values, (int) s.offset(), (int) s.size());
      }
    }
    return new NetworkState(values, counters);
  }

  private static List<EpochRecord> history(Path file, Map<String, String> meta)
      throws SafetensorsException, JsonProcessingException {
    EpochRecord[] records = JSON.readValue(required(file, meta, "history"), EpochRecord[].class);
    if (records == null || Arrays.stream(records).anyMatch(java.util.Objects::isNull)) {
      throw new SafetensorsException(file, "has checkpoint metadata 'history' that is not a list of epochs");
    }
    return Arrays.asList(records);
  }

  private static List<StepRecord> steps(Path file, Map<String, String> meta)
      throws SafetensorsException, JsonProcessingException {
    if (!meta.containsKey(STEPS)) {
      return List.of();
    }
    StepRecord[] records = JSON.readValue(meta.get(STEPS), StepRecord[].class);
    if (records == null || Arrays.stream(records).anyMatch(java.util.Objects::isNull)) {
      throw new SafetensorsException(file, "has checkpoint metadata '" + STEPS + "' that is not a list of steps");
    }
    return Arrays.asList(records);
  }

  private static String required(Path file, Map<String, String> meta, String key) throws SafetensorsException {
    String value = meta.get(key);
    if (value == null) {
      throw new SafetensorsException(file, "lacks the checkpoint metadata '" + key + "'");
    }
    return value;
  }

  /** An integer metadata value of at least {@code min}. */
  private static int count(Path file, Map<String, String> meta, String key, int min) throws SafetensorsException {
    int value = Integer.parseInt(required(file, meta, key));
    if (value < min) {
      throw new SafetensorsException(file, "has checkpoint metadata '" + key + "' = " + value + ", below " + min);
    }
    return value;
  }
}
