package netforge.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netforge.runtime.Device;
import netforge.runtime.cl.ClBuffer;
import netforge.runtime.cl.Profiler;
import netforge.runtime.testing.NeedsOpenCl;
import netforge.runtime.testing.OpenCl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fused update kernels against PyTorch's documented update rules, and the state round trip. */
@NeedsOpenCl
class OptimizerTest {
  /**
   * Largest difference allowed between a parameter after the steps and the double-precision reference, relative to
   * the parameter scale (taken as {@code max(1, |p|)}; the problem's parameters are at most about 1). The kernel keeps
   * parameters and state in float: each step rounds the parameter once when the update is added (half an ulp,
   * 6e-8 relative) and the update carries a few roundings per operation of the rule, each 6e-8 relative to the
   * update, which is much smaller than the parameter. Three steps stay near 3 x 6e-8 plus change; measured: at most
   * 1e-7 on the 37-parameter problem and 2.5e-7 over 10^5 parameters. 1e-6 leaves a margin of four, and
   * {@link OptimizerSettingsTest} checks that every term of every rule moves the results by more than ten times it,
   * so a wrong or missing term cannot hide under it.
   */
  static final double PARAMETER_TOLERANCE = 1e-6;

  /**
   * Largest difference allowed in a state buffer, relative to that buffer's largest magnitude: the state is a
   * float running sum or average of a few rounded squares and ratios, a few ulp (each 6e-8 relative) per step;
   * measured at most 4.4e-7.
   */
  static final double STATE_TOLERANCE = 2e-6;

  private static Device device;

  @BeforeAll
  static void openDevice() {
    device = OpenCl.open();
  }

  @AfterAll
  static void closeDevice() {
    if (device != null) {
      device.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("netforge.runtime.train.OptimizerSettings#settings")
  void threeSteps_matchPytorchRule(String name, OptimizerConfig config) {
    Run run = run(config, TinyProblem.COUNT, TinyProblem.STEPS);
    assertClose(run.reference, run.params, run.state);
  }

  @ParameterizedTest
  @MethodSource("netforge.runtime.train.OptimizerSettings#richest")
  void manyWorkItemsAndATail_matchPytorchRule(OptimizerConfig config) {
    long block = UpdateGeometry.forDevice(device.info()).block();
    int count = Math.toIntExact(block * 997 + block / 2 + 3);
    Run run = run(config, count, TinyProblem.STEPS);
    assertClose(run.reference, run.params, run.state);
  }

  /**
   * The GPU geometry (float4, one vector per work-item) and an odd one (float8, three vectors per item, groups of 5)
   * run here on whatever device there is, so every vector width the source offers is checked against the rule.
   */
  @ParameterizedTest
  @MethodSource("netforge.runtime.train.OptimizerSettings#richest")
  void otherGeometries_matchPytorchRule(OptimizerConfig config) {
    for (UpdateGeometry geometry : List.of(UpdateGeometry.GPU_DEFAULT, new UpdateGeometry(8, 3, 5),
        UpdateGeometry.CPU_DEFAULT)) {
      Run run = run(config, 1001, TinyProblem.STEPS, geometry);
      assertClose(run.reference, run.params, run.state);
    }
  }

  @ParameterizedTest
  @MethodSource("netforge.runtime.train.OptimizerSettings#richest")
  void interruptedAndRestored_endsBitIdentical(OptimizerConfig config) {
    int count = 1000;
    int steps = 5;
    int interruptAfter = 2;
    float[] straightParams;
    Map<String, float[]> straightState;
    try (ClBuffer params = ClBuffer.allocate(device, "params", count);
        ClBuffer grads = ClBuffer.allocate(device, "grads", count)) {
      params.write(TinyProblem.initialParameters(count), 0, 0, count);
      try (Optimizer optimizer = new Optimizer(device, params, grads, count, config)) {
        for (int k = 0; k < steps; k++) {
          grads.write(TinyProblem.gradient(k, count), 0, 0, count);
          optimizer.step(TinyProblem.lr(config, k));
        }
        straightState = optimizer.state();
      }
      straightParams = read(params, count);
    }

    float[] savedParams;
    Map<String, float[]> savedState;
    long savedSteps;
    try (ClBuffer params = ClBuffer.allocate(device, "params", count);
        ClBuffer grads = ClBuffer.allocate(device, "grads", count)) {
      params.write(TinyProblem.initialParameters(count), 0, 0, count);
      try (Optimizer optimizer = new Optimizer(device, params, grads, count, config)) {
        for (int k = 0; k < interruptAfter; k++) {
          grads.write(TinyProblem.gradient(k, count), 0, 0, count);
          optimizer.step(TinyProblem.lr(config, k));
        }
        savedState = optimizer.state();
        savedSteps = optimizer.steps();
      }
      savedParams = read(params, count);
    }

    try (ClBuffer params = ClBuffer.allocate(device, "params", count);
        ClBuffer grads = ClBuffer.allocate(device, "grads", count);
        Optimizer optimizer = new Optimizer(device, params, grads, count, config)) {
      params.write(savedParams, 0, 0, count);
      optimizer.restore(savedState, savedSteps);
      assertEquals(interruptAfter, optimizer.steps());
      for (int k = interruptAfter; k < steps; k++) {
        grads.write(TinyProblem.gradient(k, count), 0, 0, count);
        optimizer.step(TinyProblem.lr(config, k));
      }
      assertBitIdentical("parameters", straightParams, read(params, count));
      Map<String, float[]> resumedState = optimizer.state();
      assertEquals(straightState.keySet(), resumedState.keySet());
      straightState.forEach((name, values) -> assertBitIdentical(name, values, resumedState.get(name)));
    }
  }

  @Test
  void stateNames_areTorchOptimStateKeys() {
    Map<OptimizerConfig, List<String>> expected = new LinkedHashMap<>();
    expected.put(OptimizerConfig.tutorial(OptimizerKind.SGD), List.of());
    expected.put(OptimizerConfig.tutorial(OptimizerKind.MOMENTUM), List.of("momentum_buffer"));
    expected.put(OptimizerConfig.tutorial(OptimizerKind.NAG), List.of("momentum_buffer"));
    expected.put(OptimizerConfig.tutorial(OptimizerKind.ADAGRAD), List.of("sum"));
    expected.put(OptimizerConfig.tutorial(OptimizerKind.ADADELTA), List.of("square_avg", "acc_delta"));
    expected.put(OptimizerConfig.tutorial(OptimizerKind.RMSPROP), List.of("square_avg"));
    expected.put(OptimizerConfig.tutorial(OptimizerKind.RMSPROP).withMomentum(0.9).withCentered(true),
        List.of("square_avg", "momentum_buffer", "grad_avg"));
    expected.put(OptimizerConfig.tutorial(OptimizerKind.ADAM), List.of("exp_avg", "exp_avg_sq"));
    expected.put(OptimizerConfig.tutorial(OptimizerKind.ADAMW).withAmsgrad(true),
        List.of("exp_avg", "exp_avg_sq", "max_exp_avg_sq"));
    try (ClBuffer params = ClBuffer.allocate(device, "params", 5);
        ClBuffer grads = ClBuffer.allocate(device, "grads", 5)) {
      expected.forEach((config, names) -> {
        try (Optimizer optimizer = new Optimizer(device, params, grads, 5, config)) {
          assertEquals(names, optimizer.stateNames(), config.toString());
          assertEquals(names, List.copyOf(optimizer.state().keySet()), config.toString());
        }
      });
    }
  }

  @Test
  void adagradSum_startsAtInitialAccumulatorValue() {
    OptimizerConfig config = OptimizerConfig.defaults(OptimizerKind.ADAGRAD).withInitialAccumulatorValue(0.25);
    try (ClBuffer params = ClBuffer.allocate(device, "params", 40);
        ClBuffer grads = ClBuffer.allocate(device, "grads", 40);
        Optimizer optimizer = new Optimizer(device, params, grads, 40, config)) {
      float[] sum = optimizer.state().get("sum");
      float[] expected = new float[40];
      Arrays.fill(expected, 0.25f);
      assertArrayEquals(expected, sum);
    }
  }

  @Test
  void restore_checksNamesLengthsAndSteps_beforeWriting() {
    OptimizerConfig config = OptimizerConfig.defaults(OptimizerKind.ADAM).withAmsgrad(true);
    try (ClBuffer params = ClBuffer.allocate(device, "params", 7);
        ClBuffer grads = ClBuffer.allocate(device, "grads", 7);
        Optimizer optimizer = new Optimizer(device, params, grads, 7, config)) {
      Map<String, float[]> wrong = new LinkedHashMap<>();
      wrong.put("exp_avg", new float[7]);
      wrong.put("exp_avg_sq", new float[6]);
      wrong.put("momentum_buffer", new float[7]);
      Arrays.fill(wrong.get("exp_avg"), 3f);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> optimizer.restore(wrong, 4));
      assertEquals("cannot restore adam state: missing max_exp_avg_sq; unexpected momentum_buffer; "
          + "'exp_avg_sq' has 6 values but the optimizer updates 7 parameters "
          + "(expected exp_avg, exp_avg_sq, max_exp_avg_sq)", e.getMessage());
      assertEquals(0f, optimizer.state().get("exp_avg")[0], "nothing written");
      assertEquals(0, optimizer.steps());

      Map<String, float[]> right = optimizer.state();
      IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
          () -> optimizer.restore(right, -1));
      assertEquals("step count must be at least 0, was -1", negative.getMessage());
    }
  }

  @Test
  void restore_ofStatelessSgd_takesAnEmptyMap() {
    try (ClBuffer params = ClBuffer.allocate(device, "params", 3);
        ClBuffer grads = ClBuffer.allocate(device, "grads", 3);
        Optimizer optimizer = new Optimizer(device, params, grads, 3, OptimizerConfig.tutorial(OptimizerKind.SGD))) {
      optimizer.restore(Map.of(), 12);
      assertEquals(12, optimizer.steps());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> optimizer.restore(Map.of("momentum_buffer", new float[3]), 1));
      assertEquals("cannot restore sgd state: unexpected momentum_buffer (expected no state)", e.getMessage());
    }
  }

  @Test
  void steps_countLaunches() {
    try (ClBuffer params = ClBuffer.allocate(device, "params", 3);
        ClBuffer grads = ClBuffer.allocate(device, "grads", 3);
        Optimizer optimizer = new Optimizer(device, params, grads, 3, OptimizerConfig.tutorial(OptimizerKind.ADAM))) {
      grads.zero(3);
      assertEquals(0, optimizer.steps());
      optimizer.step(1e-3);
      optimizer.step(1e-3);
      assertEquals(2, optimizer.steps());
    }
  }

  @Test
  void step_rejectsALearningRateThatIsNotANonNegativeNumber() {
    try (ClBuffer params = ClBuffer.allocate(device, "params", 3);
        ClBuffer grads = ClBuffer.allocate(device, "grads", 3);
        Optimizer optimizer = new Optimizer(device, params, grads, 3, OptimizerConfig.tutorial(OptimizerKind.SGD))) {
      for (double lr : new double[] {-0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> optimizer.step(lr));
        assertEquals("learning rate must be a number >= 0, was " + lr, e.getMessage());
      }
      assertEquals(0, optimizer.steps());
    }
  }

  @Test
  void constructor_rejectsBuffersShorterThanTheCount_andIncompleteConfigs() {
    try (ClBuffer params = ClBuffer.allocate(device, "params", 10);
        ClBuffer grads = ClBuffer.allocate(device, "grads", 8)) {
      IllegalArgumentException shortGrads = assertThrows(IllegalArgumentException.class,
          () -> new Optimizer(device, params, grads, 10, OptimizerConfig.tutorial(OptimizerKind.SGD)));
      assertEquals("buffer 'grads' holds 8 elements, fewer than the 10 parameters to update",
          shortGrads.getMessage());
      IllegalArgumentException noLr = assertThrows(IllegalArgumentException.class,
          () -> new Optimizer(device, params, grads, 8, OptimizerConfig.defaults(OptimizerKind.SGD)));
      assertTrue(noLr.getMessage().startsWith("sgd needs lr (torch.optim.SGD has no default learning rate)"),
          noLr.getMessage());
    }
  }

  /** What one run left behind: the device's parameters and state, and the reference's. */
  private record Run(float[] params, Map<String, float[]> state, PytorchReference reference) {}

  private static Run run(OptimizerConfig config, int count, int steps) {
    return run(config, count, steps, UpdateGeometry.forDevice(device.info()));
  }

  private static Run run(OptimizerConfig config, int count, int steps, UpdateGeometry geometry) {
    PytorchReference reference = new PytorchReference(config, TinyProblem.initialParameters(count));
    try (ClBuffer params = ClBuffer.allocate(device, "params", count);
        ClBuffer grads = ClBuffer.allocate(device, "grads", count);
        Optimizer optimizer = new Optimizer(device, params, grads, count, config, geometry, new Profiler())) {
      params.write(TinyProblem.initialParameters(count), 0, 0, count);
      for (int k = 0; k < steps; k++) {
        float[] gradient = TinyProblem.gradient(k, count);
        grads.write(gradient, 0, 0, count);
        optimizer.step(TinyProblem.lr(config, k));
        reference.step(gradient, TinyProblem.lr(config, k));
      }
      assertEquals(steps, optimizer.steps());
      return new Run(read(params, count), optimizer.state(), reference);
    }
  }

  private static void assertClose(PytorchReference reference, float[] params, Map<String, float[]> state) {
    String setting = reference.config.toString();
    for (int i = 0; i < params.length; i++) {
      double expected = reference.param[i];
      double scale = Math.max(1, Math.abs(expected));
      if (Math.abs(params[i] - expected) > PARAMETER_TOLERANCE * scale) {
        fail(String.format("%s: parameter %d is %.9g, PyTorch's rule gives %.9g (difference %.3g, tolerance %.3g)",
            setting, i, params[i], expected, params[i] - expected, PARAMETER_TOLERANCE * scale));
      }
    }
    assertEquals(reference.state.keySet(), state.keySet(), setting + ": state names");
    reference.state.forEach((name, expected) -> {
      float[] actual = state.get(name);
      double scale = Arrays.stream(expected).map(Math::abs).max().orElse(0);
      for (int i = 0; i < expected.length; i++) {
        if (Math.abs(actual[i] - expected[i]) > STATE_TOLERANCE * scale) {
          fail(String.format("%s: %s[%d] is %.9g, PyTorch's rule gives %.9g (difference %.3g, tolerance %.3g)",
              setting, name, i, actual[i], expected[i], actual[i] - expected[i], STATE_TOLERANCE * scale));
        }
      }
    });
  }

  private static void assertBitIdentical(String what, float[] expected, float[] actual) {
    assertEquals(expected.length, actual.length, what + " length");
    for (int i = 0; i < expected.length; i++) {
      if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(actual[i])) {
        fail(String.format("%s[%d]: the uninterrupted run has %s, the restored run %s", what, i, expected[i],
            actual[i]));
      }
    }
  }

  private static float[] read(ClBuffer buffer, int count) {
    float[] values = new float[count];
    buffer.read(0, values, 0, count);
    return values;
  }
}
