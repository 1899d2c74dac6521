package netforge.runtime.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netforge.runtime.Device;
import netforge.runtime.cl.ClBuffer;
import netforge.runtime.cl.ClKernel;
import netforge.runtime.ModelEngine;
import netforge.runtime.cl.ClProgram;
import netforge.runtime.cl.ProgramCache;
import netforge.runtime.cl.ProgramSource;
import netforge.runtime.cl.Profiler;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;

/**
 * Updates a flat parameter buffer from a flat gradient buffer of the same layout, following the update rule of
 * PyTorch 1.13's {@code torch.optim} class for the configured kind. A step is one kernel launch over all
 * parameters; the state (momentum, running squares, ...) lives on the device in buffers of the same layout.
 *
 * <p>The optimizer borrows the parameter and gradient buffers (it never closes them) and owns its state and
 * program. {@link #state()} and {@link #restore} move the state in and out for checkpoints, under PyTorch's state
 * names; together with {@link #steps()} they let an interrupted run continue bit for bit.
 */
public final class Optimizer implements AutoCloseable {
  private static final String SOURCE = "optimizers.cl";
  /**
   * Division and square root rounded correctly, as PyTorch's kernels do them, instead of the 2.5 and 3 ulp OpenCL
   * allows by default. Only passed where the device says it can.
   */
  private static final String EXACT_MATH = "-cl-fp32-correctly-rounded-divide-sqrt";

  private final Device device;
  private final OptimizerConfig config;
  private final UpdateRule rule;
  private final UpdateGeometry geometry;
  private final long count;
  private final ClProgram program;
  private final ClKernel kernel;
  private final Map<String, ClBuffer> state = new LinkedHashMap<>();
  private final int firstScalar;
  private long steps;

  /** An optimizer for the first {@code count} elements of {@code params}, with the device's default geometry. */
  public Optimizer(Device device, ClBuffer params, ClBuffer grads, long count, OptimizerConfig config) {
    this(device, params, grads, count, config, UpdateGeometry.forDevice(device.info()), new Profiler());
  }

  /** As above, with an explicit launch geometry and a profiler that times the update launches. */
  public Optimizer(Device device, ClBuffer params, ClBuffer grads, long count, OptimizerConfig config,
      UpdateGeometry geometry, Profiler profiler) {
    if (count < 1) {
      throw new IllegalArgumentException("an optimizer needs at least one parameter, got " + count);
    }
    requireCapacity(params, count);
    requireCapacity(grads, count);
    this.device = device;
    this.config = config.requireComplete();
    this.rule = UpdateRule.of(config);
    this.geometry = geometry;
    this.count = count;
    String exactMath = roundsDivideSqrtCorrectly(device) ? EXACT_MATH : "";
    String options = String.join(" ", geometry.buildOptions(), rule.macros(), exactMath).strip()
        .replaceAll(" +", " ");
    this.program = ClProgram.build(device, SOURCE, ProgramSource.besides(Optimizer.class, SOURCE), options, ProgramCache.standard(), profiler);
    try {
      this.kernel = program.kernel(rule.kernelName());
      for (String name : rule.stateNames()) {
        ClBuffer buffer = ClBuffer.allocate(device, name, count);
        state.put(name, buffer);
        fill(buffer, rule.initialValue(name));
      }
      int index = 0;
      kernel.set(index++, params).set(index++, grads);
      for (ClBuffer buffer : state.values()) {
        kernel.set(index++, buffer);
      }
      kernel.set(index++, count);
      this.firstScalar = index;
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** An optimizer for all parameters of {@code engine}'s network, timed by the engine's profiler. */
  public static Optimizer forEngine(ModelEngine engine, OptimizerConfig config) {
    return new Optimizer(engine.device(), engine.parameterBuffer(), engine.gradientBuffer(),
        engine.spec().parameterCount(), config, UpdateGeometry.forDevice(engine.device().info()), engine.profiler());
  }

  public OptimizerConfig config() {
    return config;
  }

  public UpdateGeometry geometry() {
    return geometry;
  }

  /** Parameters updated per step. */
  public long count() {
    return count;
  }

  /** Steps taken so far (PyTorch's {@code state['step']}); the next step is {@code steps() + 1}. */
  public long steps() {
    return steps;
  }

  /**
   * Enqueues one update of every parameter with learning rate {@code lr} (the schedule's value for this step; the
   * config's {@code lr} is only the schedule's base). Returns without waiting: the device queue is in order, so
   * the next launch or blocking read sees the update.
   */
  public void step(double lr) {
    if (!(lr >= 0) || Double.isInfinite(lr)) {
      throw new IllegalArgumentException("learning rate must be a number >= 0, was " + lr);
    }
    long t = steps + 1;
    rule.bindScalars(kernel, firstScalar, t, lr);
    kernel.launch(new long[] {geometry.globalSize(count)}, new long[] {geometry.localSize()});
    steps = t;
  }

  /** The state buffers' names, as PyTorch names them, e.g. {@code [exp_avg, exp_avg_sq]} for Adam. */
  public List<String> stateNames() {
    return List.copyOf(state.keySet());
  }

  /** A copy of every state buffer, by PyTorch's state name, in {@link #stateNames()} order; waits for the device. */
  public Map<String, float[]> state() {
    int length = hostLength();
    Map<String, float[]> copy = new LinkedHashMap<>();
    state.forEach((name, buffer) -> {
      float[] values = new float[length];
      buffer.read(0, values, 0, length);
      copy.put(name, values);
    });
    return copy;
  }

  /**
   * Replaces the state with {@code values} (as {@link #state()} returned it) and the step count with
   * {@code steps}. Everything is checked before anything is written: the names must be exactly
   * {@link #stateNames()} and every array must hold {@link #count()} values.
   */
  public void restore(Map<String, float[]> values, long steps) {
    if (steps < 0) {
      throw new IllegalArgumentException("step count must be at least 0, was " + steps);
    }
    List<String> missing = new ArrayList<>();
    for (String name : state.keySet()) {
      if (!values.containsKey(name)) {
        missing.add(name);
      }
    }
    List<String> unexpected = new ArrayList<>();
    for (String name : values.keySet()) {
      if (!state.containsKey(name)) {
        unexpected.add(name);
      }
    }
    List<String> problems = new ArrayList<>();
    if (!missing.isEmpty()) {
      problems.add("missing " + String.join(", ", missing));
    }
    if (!unexpected.isEmpty()) {
      problems.add("unexpected " + String.join(", ", unexpected));
    }
    for (String name : state.keySet()) {
      float[] array = values.get(name);
      if (values.containsKey(name) && (array == null || array.length != count)) {
        problems.add(String.format("'%s' has %s values but the optimizer updates %d parameters", name,
            array == null ? "no" : Integer.toString(array.length), count));
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("cannot restore " + config.kind().userName() + " state: "
          + String.join("; ", problems) + " (expected " + (state.isEmpty() ? "no state" : String.join(", ",
              state.keySet())) + ")");
    }
    int length = hostLength();
    state.forEach((name, buffer) -> buffer.write(values.get(name), 0, 0, length));
    this.steps = steps;
  }

  @Override
  public void close() {
    state.values().forEach(ClBuffer::close);
    state.clear();
    program.close();
  }

  private int hostLength() {
    if (count > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException(count + " parameters do not fit in one Java array");
    }
    return (int) count;
  }

  private void fill(ClBuffer buffer, float value) {
    if (value == 0f) {
      buffer.zero(count);
    } else {
      CL.clEnqueueFillBuffer(device.queue(), buffer.mem(), Pointer.to(new float[] {value}), Sizeof.cl_float, 0,
          count * Sizeof.cl_float, 0, null, null);
    }
  }

  private static boolean roundsDivideSqrtCorrectly(Device device) {
    long[] config = new long[1];
    CL.clGetDeviceInfo(device.id(), CL.CL_DEVICE_SINGLE_FP_CONFIG, Sizeof.cl_ulong, Pointer.to(config), null);
    return (config[0] & CL.CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT) != 0;
  }

  private static void requireCapacity(ClBuffer buffer, long count) {
    if (buffer.elements() < count) {
      throw new IllegalArgumentException("buffer '" + buffer.name() + "' holds " + buffer.elements()
          + " elements, fewer than the " + count + " parameters to update");
    }
  }
}
