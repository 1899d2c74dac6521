package netforge.runtime.internal;

import java.util.Arrays;
import java.util.Locale;
import netforge.runtime.Device;
import netforge.runtime.Logits;
import netforge.runtime.Loss;
import netforge.runtime.ModelEngine;
import netforge.runtime.ParameterInit;
import netforge.runtime.cl.ClAllocationException;
import netforge.runtime.cl.ClBuffer;
import netforge.runtime.cl.ClProgramSet;
import netforge.runtime.cl.Profiler;
import netforge.runtime.cl.ProgramCache;
import netforge.runtime.cl.ProgramSource;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.NetworkState;
import netforge.runtime.tuning.Tunables;
import org.jocl.CLException;

/**
 * Runs one generated network on one device: the {@link ModelEngine} that generated models create. It owns the
 * program, the flat parameter and gradient buffers and the {@link ActivationArena}, and drives the generated
 * {@link LaunchSequence}; finding non-finite values is the {@link NonFiniteLocator}'s job. Generated code calls
 * the constructors; everyone else uses {@link ModelEngine}.
 */
public final class Engine implements ModelEngine {
  private final Device device;
  private final NetworkSpec spec;
  private final LaunchSequence sequence;
  private final Tunables tunables;
  private final Profiler profiler = new Profiler();
  private final ClProgramSet program;
  private final ClBuffer params;
  private final ClBuffer grads;
  /** The running statistics, on the device where the kernels update them; null for a network without state. */
  private final ClBuffer state;
  /** The step counts of the state ({@code num_batches_tracked}), on the host: no kernel reads them. */
  private final long[] counters;
  private final ActivationArena arena;
  private final NonFiniteLocator nonFinite;
  private final long seed;
  private final double buildSeconds;
  private int step;

  /** An engine with the device's tuned values when a search has stored them, else the defaults. */
  public Engine(Device device, NetworkSpec spec, LaunchSequence sequence, Class<?> anchor, long seed) {
    this(device, spec, sequence, anchor, seed, Tunables.forDevice(device.info()));
  }

  /**
   * An engine with the given kernel tunables. Everything built before a failure (the program, the parameter
   * buffer) is released before the failure propagates: a constructor that throws leaves nothing behind.
   */
  public Engine(Device device, NetworkSpec spec, LaunchSequence sequence, Class<?> anchor, long seed,
      Tunables tunables) {
    this.device = device;
    this.spec = spec;
    this.sequence = sequence;
    this.tunables = tunables;
    this.seed = seed;
    String source = ProgramSource.besides(anchor, sequence.programResource());
    long start = System.nanoTime();
    this.program = ClProgramSet.build(device, sequence.programResource(), source, sequence.sectionMarker(),
        tunables.buildOptions(), ProgramCache.standard(), profiler, buildParts(device));
    this.buildSeconds = (System.nanoTime() - start) / 1e9;
    ClBuffer parameters = null;
    ClBuffer gradients = null;
    ClBuffer stateValues = null;
    NetworkState initial = NetworkState.initial(spec);
    try {
      parameters = ClBuffer.allocate(device, "parameters", spec.parameterCount());
      gradients = ClBuffer.allocate(device, "gradients", spec.parameterCount());
      ClBuffer initialised = parameters;
      ParameterInit.pytorchDefault(spec, seed, (offset, values, count) -> initialised.write(values, 0, offset, count));
      if (spec.stateValueCount() > 0) {
        stateValues = ClBuffer.allocate(device, "state", spec.stateValueCount());
        float[] values = initial.values();
        stateValues.write(values, 0, 0, values.length);
      }
    } catch (RuntimeException | Error e) {
      closeAll(stateValues, gradients, parameters, program);
      throw e;
    }
    this.params = parameters;
    this.grads = gradients;
    this.state = stateValues;
    this.counters = initial.counters();
    this.arena = new ActivationArena(device, spec, sequence, tunables);
    this.nonFinite = new NonFiniteLocator(spec, sequence, arena);
  }

  private static void closeAll(AutoCloseable... resources) {
    for (AutoCloseable resource : resources) {
      if (resource != null) {
        try {
          resource.close();
        } catch (Exception suppressed) {
          // the original failure is what the caller needs to see
        }
      }
    }
  }

  /**
   * Parts to build the program in, in parallel: one per processor where the build compiles the kernels; one where
   * the driver compiles them at first launch, as the build then only parses and a part's fixed cost dominates
   * (PoCL, classic AlexNet: 1.15 s in one part, 1.4-1.5 s in two).
   */
  private static int buildParts(Device device) {
    return device.info().compilesOnFirstLaunch() ? 1 : Runtime.getRuntime().availableProcessors();
  }

  @Override
  public Device device() {
    return device;
  }

  @Override
  public NetworkSpec spec() {
    return spec;
  }

  /** The kernel tunables this engine's program was built with. */
  public Tunables tunables() {
    return tunables;
  }

  @Override
  public Profiler profiler() {
    return profiler;
  }

  public ClProgramSet program() {
    return program;
  }

  @Override
  public boolean programFromCache() {
    return program.fromCache();
  }

  @Override
  public double buildSeconds() {
    return buildSeconds;
  }

  @Override
  public ClBuffer parameterBuffer() {
    return params;
  }

  @Override
  public ClBuffer gradientBuffer() {
    return grads;
  }

  @Override
  public int step() {
    return step;
  }

  @Override
  public void setStep(int step) {
    this.step = step;
  }

  @Override
  public long seed() {
    return seed;
  }

  @Override
  public float[] forward(float[] input, int batch) {
    prepare(input, batch);
    Pass pass = pass(batch, false);
    guarded(batch, () -> sequence.forward(pass));
    float[] logits = new float[batch * spec.classes()];
    arena.buffer(sequence.logits()).read(0, logits, 0, logits.length);
    return logits;
  }

  @Override
  public int[] predict(float[] input, int batch) {
    float[] logits = forward(input, batch);
    int[] predicted = new int[batch];
    for (int n = 0; n < batch; n++) {
      predicted[n] = Logits.argmax(logits, n, spec.classes());
    }
    return predicted;
  }

  @Override
  public Loss lossAndGradients(float[] input, int[] labels) {
    return trainingStep(input, labels, () -> { });
  }

  @Override
  public Loss trainingStep(float[] input, int[] labels, Runnable update) {
    prepareLabelled(input, labels);
    Pass pass = pass(labels.length, true);
    guarded(labels.length, () -> sequence.trainingStep(pass, update));
    step++;
    // every BatchNorm's statistics took this batch in, as PyTorch's num_batches_tracked counts a training forward
    for (int i = 0; i < counters.length; i++) {
      counters[i]++;
    }
    return readLoss(labels);
  }

  @Override
  public Loss evaluate(float[] input, int[] labels) {
    prepareLabelled(input, labels);
    Pass pass = pass(labels.length, false);
    guarded(labels.length, () -> {
      sequence.forward(pass);
      sequence.loss(pass);
    });
    return readLoss(labels);
  }

  private void prepareLabelled(float[] input, int[] labels) {
    checkLabels(labels);
    prepare(input, labels.length);
    arena.buffer(LaunchSequence.LABELS).write(labels, 0, 0, labels.length);
  }

  /** Each image's loss and prediction from the device, summed into the batch's mean loss and correct count. */
  private Loss readLoss(int[] labels) {
    int batch = labels.length;
    float[] rowLoss = new float[batch];
    int[] rowPred = new int[batch];
    long start = System.nanoTime();
    arena.buffer(LaunchSequence.ROW_LOSS).read(0, rowLoss, 0, batch);
    arena.buffer(LaunchSequence.ROW_PRED).read(0, rowPred, 0, batch);
    profiler.addHostTime("transfers | loss to host", System.nanoTime() - start);
    double sum = 0;
    int correct = 0;
    for (int n = 0; n < batch; n++) {
      sum += rowLoss[n];
      correct += rowPred[n] == labels[n] ? 1 : 0;
    }
    return new Loss(sum / batch, correct, batch);
  }

  /** Makes room for the batch (failing early when it cannot fit), checks the input and copies it to the device. */
  private void prepare(float[] input, int batch) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be at least 1, was " + batch);
    }
    arena.reserve(batch);
    long needed = (long) batch * spec.inputSize();
    // Exactly: more values than needed are images of another shape (or another batch size), which would be read
    // as wrong inputs, not an array with room to spare.
    if (input.length != needed) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s needs exactly %d x %s = %,d input values for a batch of %d, got %,d%s", spec.name(), batch,
          Arrays.toString(spec.inputShape()), needed, batch, input.length,
          input.length % batch == 0 ? String.format(Locale.ROOT, " (%,d per image instead of %,d)",
              input.length / batch, spec.inputSize()) : ""));
    }
    long start = System.nanoTime();
    arena.buffer(LaunchSequence.INPUT).write(input, 0, 0, (int) needed);
    profiler.addHostTime("transfers | input to device", System.nanoTime() - start);
  }

  private void checkLabels(int[] labels) {
    for (int n = 0; n < labels.length; n++) {
      if (labels[n] < 0 || labels[n] >= spec.classes()) {
        throw new IllegalArgumentException("label " + labels[n] + " of image " + n + " is not a class of "
            + spec.name() + " (0 to " + (spec.classes() - 1) + ")");
      }
    }
  }

  private Pass pass(int batch, boolean training) {
    return new Pass(program, profiler, arena.buffers(), params, grads, state, tunables, batch, training, seed, step);
  }

  /** Runs queued work, turning the driver's out-of-memory into a message with sizes. */
  private void guarded(int batch, Runnable work) {
    try {
      work.run();
      device.finish();
    } catch (CLException e) {
      if (ClAllocationException.isOutOfMemory(e)) {
        throw arena.outOfMemory(batch, e);
      }
      throw e;
    }
  }

  @Override
  public long bytesFor(int batch) {
    return arena.bytesFor(batch);
  }

  @Override
  public int largestBatchWithin(long bytes) {
    return arena.largestBatchWithin(bytes);
  }

  @Override
  public String locateNonFinite(int batch) {
    return nonFinite.locate(batch, parameters(), gradients());
  }

  @Override
  public float[] parameters() {
    float[] values = new float[Math.toIntExact(spec.parameterCount())];
    params.read(0, values, 0, values.length);
    return values;
  }

  @Override
  public void setParameters(float[] values) {
    if (values.length != spec.parameterCount()) {
      throw new IllegalArgumentException(spec.name() + " has " + spec.parameterCount() + " parameters, got "
          + values.length);
    }
    params.write(values, 0, 0, values.length);
  }

  @Override
  public float[] gradients() {
    float[] values = new float[Math.toIntExact(spec.parameterCount())];
    grads.read(0, values, 0, values.length);
    return values;
  }

  @Override
  public NetworkState state() {
    float[] values = new float[Math.toIntExact(spec.stateValueCount())];
    if (state != null) {
      state.read(0, values, 0, values.length);
    }
    return new NetworkState(values, counters);
  }

  @Override
  public void setState(NetworkState values) {
    values.requireFits(spec);
    if (state != null) {
      float[] floats = values.values();
      state.write(floats, 0, 0, floats.length);
    }
    System.arraycopy(values.counters(), 0, counters, 0, counters.length);
  }

  @Override
  public void close() {
    arena.close();
    params.close();
    grads.close();
    if (state != null) {
      state.close();
    }
    program.close();
  }
}
