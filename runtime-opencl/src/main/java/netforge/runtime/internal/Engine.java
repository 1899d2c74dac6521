package netforge.runtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import netforge.runtime.Device;
import netforge.runtime.DeviceMemoryException;
import netforge.runtime.DeviceType;
import netforge.runtime.Loss;
import netforge.runtime.ParameterInit;
import netforge.runtime.cl.ClBuffer;
import netforge.runtime.cl.ClProgramSet;
import netforge.runtime.cl.ProgramCache;
import netforge.runtime.cl.Profiler;
import netforge.runtime.spec.NetworkSpec;
import org.jocl.CLException;

/**
 * Runs one generated network on one device: builds its program, owns its buffers — all parameters in one flat
 * buffer, all gradients in another, activations and scratch preallocated for the largest batch seen so far —
 * and drives the generated launch sequence. For generated code and the runtime's own tools.
 */
public final class Engine implements AutoCloseable {
  private final Device device;
  private final NetworkSpec spec;
  private final LaunchSequence sequence;
  private final Tunables tunables;
  private final Profiler profiler = new Profiler();
  private final ClProgramSet program;
  private final ClBuffer params;
  private final ClBuffer grads;
  private final long seed;
  private Map<String, ClBuffer> buffers = Map.of();
  private int capacity;
  private int step;
  private final double buildSeconds;

  /** An engine with the device's tuned values when a search has stored them, else the defaults. */
  public Engine(Device device, NetworkSpec spec, LaunchSequence sequence, Class<?> anchor, long seed) {
    this(device, spec, sequence, anchor, seed, tunablesFor(device));
  }

  public Engine(Device device, NetworkSpec spec, LaunchSequence sequence, Class<?> anchor, long seed,
      Tunables tunables) {
    this.device = device;
    this.spec = spec;
    this.sequence = sequence;
    this.tunables = tunables;
    this.seed = seed;
    long start = System.nanoTime();
    this.program = ClProgramSet.build(device, sequence.programResource(),
        readSource(anchor, sequence.programResource()), tunables.buildOptions(), ProgramCache.standard(), profiler,
        buildParts(device));
    this.buildSeconds = (System.nanoTime() - start) / 1e9;
    this.params = ClBuffer.allocate(device, "parameters", spec.parameterCount());
    this.grads = ClBuffer.allocate(device, "gradients", spec.parameterCount());
    ParameterInit.pytorchDefault(spec, seed, (offset, values, count) -> params.write(values, 0, offset, count));
  }

  /**
   * Parts to build the program in, in parallel: one per processor where the build compiles the kernels; one where
   * the driver compiles them at first launch, as the build then only parses and a part's fixed cost dominates
   * (PoCL, classic AlexNet: 1.15 s in one part, 1.4-1.5 s in two).
   */
  private static int buildParts(Device device) {
    return device.info().compilesOnFirstLaunch() ? 1 : Runtime.getRuntime().availableProcessors();
  }

  /** The documented defaults for the device's type, used until a search has run. */
  public static Tunables defaultTunables(Device device) {
    return device.info().type() == DeviceType.CPU ? Tunables.CPU_DEFAULT : Tunables.GPU_DEFAULT;
  }

  /**
   * What the tuning database holds for {@code device}, or the defaults. Tile sizes never change results (each
   * output element is one work-item's sum in k order), so damaged tuning data only costs speed: it is ignored
   * here and reported by the tools that search (see {@code netforge.runtime.tuning.Tuner}).
   */
  public static Tunables tunablesFor(Device device) {
    try {
      return netforge.runtime.tuning.TuningDatabase.standard().lookup(device.info())
          .map(e -> new Tunables(e.tm(), e.tnv(), e.gemmLocal(), e.elementwiseLocal(),
              defaultTunables(device).scratchFloats()))
          .orElse(defaultTunables(device));
    } catch (netforge.runtime.tuning.TuningDataException | IllegalArgumentException e) {
      return defaultTunables(device);
    }
  }

  private static String readSource(Class<?> anchor, String resource) {
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the OpenCL program " + resource + " is not on the class path next to "
            + anchor.getName() + "; was the processor's output packaged?");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + resource, e);
    }
  }

  public Device device() {
    return device;
  }

  public NetworkSpec spec() {
    return spec;
  }

  public Tunables tunables() {
    return tunables;
  }

  public Profiler profiler() {
    return profiler;
  }

  public ClProgramSet program() {
    return program;
  }

  /** Seconds the program took to build (or load from the cache) when this engine was created. */
  public double buildSeconds() {
    return buildSeconds;
  }

  public ClBuffer parameterBuffer() {
    return params;
  }

  public ClBuffer gradientBuffer() {
    return grads;
  }

  /** Training steps taken so far; part of the dropout key. */
  public int step() {
    return step;
  }

  public void setStep(int step) {
    this.step = step;
  }

  public long seed() {
    return seed;
  }

  /** Logits {@code [batch, classes]} in evaluation mode. */
  public float[] forward(float[] input, int batch) {
    runForward(input, batch, false);
    float[] logits = new float[batch * spec.classes()];
    buffers.get(sequence.logits()).read(0, logits, 0, logits.length);
    return logits;
  }

  public int[] predict(float[] input, int batch) {
    float[] logits = forward(input, batch);
    int classes = spec.classes();
    int[] predicted = new int[batch];
    for (int n = 0; n < batch; n++) {
      int best = 0;
      for (int c = 1; c < classes; c++) {
        if (logits[n * classes + c] > logits[n * classes + best]) {
          best = c;
        }
      }
      predicted[n] = best;
    }
    return predicted;
  }

  /** Forward in training mode, loss, backward; the gradients stay in {@link #gradientBuffer()}. */
  public Loss lossAndGradients(float[] input, int[] labels) {
    return trainingStep(input, labels, () -> { });
  }

  /**
   * One training step as one queue submission: forward, loss, backward, then {@code update} (an optimizer's
   * launch) is enqueued before the loss is read back, so the device never waits for the host in between.
   */
  public Loss trainingStep(float[] input, int[] labels, Runnable update) {
    int batch = labels.length;
    checkLabels(labels);
    prepare(input, batch);
    buffers.get(LaunchSequence.LABELS).write(labels, 0, 0, batch);
    Pass pass = pass(batch, true);
    guarded(batch, () -> sequence.trainingStep(pass, update));
    step++;
    return readLoss(labels);
  }

  /** Loss and predictions in evaluation mode, without gradients: for test sets. */
  public Loss evaluate(float[] input, int[] labels) {
    int batch = labels.length;
    checkLabels(labels);
    prepare(input, batch);
    buffers.get(LaunchSequence.LABELS).write(labels, 0, 0, batch);
    Pass pass = pass(batch, false);
    guarded(batch, () -> {
      sequence.forward(pass);
      sequence.loss(pass);
    });
    return readLoss(labels);
  }

  /** Each image's loss and prediction from the device, summed into the batch's mean loss and correct count. */
  private Loss readLoss(int[] labels) {
    int batch = labels.length;
    float[] rowLoss = new float[batch];
    int[] rowPred = new int[batch];
    long start = System.nanoTime();
    buffers.get(LaunchSequence.ROW_LOSS).read(0, rowLoss, 0, batch);
    buffers.get(LaunchSequence.ROW_PRED).read(0, rowPred, 0, batch);
    profiler.addHostTime("transfers | loss to host", System.nanoTime() - start);
    double sum = 0;
    int correct = 0;
    for (int n = 0; n < batch; n++) {
      sum += rowLoss[n];
      correct += rowPred[n] == labels[n] ? 1 : 0;
    }
    return new Loss(sum / batch, correct, batch);
  }

  private void runForward(float[] input, int batch, boolean training) {
    prepare(input, batch);
    Pass pass = pass(batch, training);
    guarded(batch, () -> sequence.forward(pass));
  }

  /** Makes room for the batch (failing early when it cannot fit), checks the input and copies it to the device. */
  private void prepare(float[] input, int batch) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be at least 1, was " + batch);
    }
    ensureCapacity(batch);
    long needed = (long) batch * spec.inputSize();
    // Exactly: more values than needed are images of another shape (or another batch size), which would be read
    // as wrong inputs, not an array with room to spare.
    if (input.length != needed) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s needs exactly %d x %s = %,d input values for a batch of %d, got %,d%s", spec.name(), batch,
          java.util.Arrays.toString(spec.inputShape()), needed, batch, input.length,
          input.length % batch == 0 ? String.format(Locale.ROOT, " (%,d per image instead of %,d)",
              input.length / batch, spec.inputSize()) : ""));
    }
    long start = System.nanoTime();
    buffers.get(LaunchSequence.INPUT).write(input, 0, 0, (int) needed);
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
    return new Pass(program, profiler, buffers, params, grads, tunables, batch, training, seed, step);
  }

  /** Runs queued work, turning the driver's out-of-memory into a message with sizes. */
  private void guarded(int batch, Runnable work) {
    try {
      work.run();
      device.finish();
    } catch (CLException e) {
      if (isOutOfMemory(e)) {
        throw outOfMemory(batch, e);
      }
      throw e;
    }
  }

  private static boolean isOutOfMemory(CLException e) {
    int s = e.getStatus();
    return s == org.jocl.CL.CL_MEM_OBJECT_ALLOCATION_FAILURE || s == org.jocl.CL.CL_OUT_OF_RESOURCES
        || s == org.jocl.CL.CL_OUT_OF_HOST_MEMORY;
  }

  /** Bytes on the device for a batch: parameters, gradients and every batch buffer. */
  public long bytesFor(int batch) {
    long elements = 2 * spec.parameterCount();
    for (long n : sequence.buffers(batch, tunables).values()) {
      elements += n;
    }
    return elements * 4;
  }

  /** The largest batch whose buffers fit in {@code bytes}, by bisection over {@link #bytesFor}. */
  public int largestBatchWithin(long bytes) {
    int lo = 0;
    int hi = 1 << 20;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (bytesFor(mid) <= bytes) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  private DeviceMemoryException outOfMemory(int batch, Throwable cause) {
    long available = device.info().globalMemoryBytes();
    return new DeviceMemoryException(String.format(Locale.ROOT,
        "%s ran out of memory at batch %d: it needs about %.2f GiB on %s, which has %.2f GiB; "
            + "the largest batch that fits is about %d (use --batch %d or smaller)",
        spec.name(), batch, bytesFor(batch) / (double) (1L << 30), device.info().name(),
        available / (double) (1L << 30), largestBatchWithin(available), largestBatchWithin(available)), cause);
  }

  private void ensureCapacity(int batch) {
    if (batch <= capacity) {
      return;
    }
    long needed = bytesFor(batch);
    if (needed > device.info().globalMemoryBytes()) {
      throw outOfMemory(batch, null);
    }
    buffers.values().forEach(ClBuffer::close);
    buffers = Map.of();
    Map<String, ClBuffer> allocated = new LinkedHashMap<>();
    try {
      sequence.buffers(batch, tunables).forEach((name, elements) ->
          allocated.put(name, ClBuffer.allocate(device, name, elements)));
    } catch (DeviceMemoryException e) {
      allocated.values().forEach(ClBuffer::close);
      capacity = 0;
      throw outOfMemory(batch, e);
    }
    buffers = allocated;
    capacity = batch;
  }

  /**
   * Where non-finite values are, after a step whose loss was not finite: the first stage whose output holds NaN or
   * infinity, and any parameter or gradient tensor that does. Reads the device buffers; for error messages.
   */
  public String locateNonFinite(int batch) {
    StringBuilder found = new StringBuilder();
    float[] params = parameters();
    float[] grads = gradients();
    for (var p : spec.parameters()) {
      if (!allFinite(params, (int) p.offset(), (int) (p.offset() + p.size()))) {
        found.append("\n  parameter ").append(p.name()).append(" holds NaN or infinity");
      } else if (!allFinite(grads, (int) p.offset(), (int) (p.offset() + p.size()))) {
        found.append("\n  the gradient of ").append(p.name()).append(" holds NaN or infinity");
      }
    }
    java.util.List<String> layers = sequence.stageLayers();
    for (int i = 0; i < layers.size(); i++) {
      String output = sequence.stageOutputs().get(i);
      ClBuffer buffer = buffers.get(output);
      long size = sequence.buffers(batch, tunables).get(output);
      float[] values = new float[(int) Math.min(size, buffer.elements())];
      buffer.read(0, values, 0, values.length);
      if (!allFinite(values, 0, values.length)) {
        found.insert(0, "\n  the output of " + layers.get(i) + " (stage " + (i + 1)
            + ") is the first activation with NaN or infinity");
        break;
      }
    }
    return found.length() == 0 ? "\n  every activation, parameter and gradient is finite: the loss itself overflowed"
        : found.toString();
  }

  private static boolean allFinite(float[] values, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Float.isFinite(values[i])) {
        return false;
      }
    }
    return true;
  }

  public float[] parameters() {
    float[] values = new float[Math.toIntExact(spec.parameterCount())];
    params.read(0, values, 0, values.length);
    return values;
  }

  public void setParameters(float[] values) {
    if (values.length != spec.parameterCount()) {
      throw new IllegalArgumentException(spec.name() + " has " + spec.parameterCount() + " parameters, got "
          + values.length);
    }
    params.write(values, 0, 0, values.length);
  }

  public float[] gradients() {
    float[] values = new float[Math.toIntExact(spec.parameterCount())];
    grads.read(0, values, 0, values.length);
    return values;
  }

  @Override
  public void close() {
    buffers.values().forEach(ClBuffer::close);
    buffers = Map.of();
    params.close();
    grads.close();
    program.close();
  }
}
