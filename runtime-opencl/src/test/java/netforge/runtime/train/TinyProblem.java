package netforge.runtime.train;

/**
 * Fixed inputs for optimizer tests: initial parameters, one gradient per step, and per-step multipliers of the
 * learning rate. Gradients are small integers over a power of two, exact in float. Parameters are such a number
 * plus {@code sqrt(i + 2) / 1024}, rounded once to float: the irrational part keeps {@code g + weight_decay * p}
 * from cancelling exactly (with dyadic parameters it does for some elements, and then the float result is pure
 * rounding noise that eps turns into a large update). Both parts are correctly rounded IEEE operations, so Python
 * computes the same floats for a cross-check with PyTorch. On the third step even-numbered elements get a gradient
 * 16 times smaller, so Adam's second moment shrinks there and amsgrad's running maximum matters.
 */
final class TinyProblem {
  /** Not a multiple of any vector width, so the last vector is partial. */
  static final int COUNT = 37;
  static final int STEPS = 3;
  /** The learning rate of step k is the config's times {@code LR_FACTORS[k]}, as a schedule would vary it. */
  static final double[] LR_FACTORS = {1.0, 0.75, 0.5};

  private TinyProblem() {}

  static float[] initialParameters(int count) {
    float[] p = new float[count];
    for (int i = 0; i < count; i++) {
      p[i] = (float) ((Math.floorMod(i * 37L, 101) - 50) / 64.0 + StrictMath.sqrt(i + 2) / 1024);
    }
    return p;
  }

  /** The gradient of step {@code k} (from 0); steps past the third repeat the pattern with other numbers. */
  static float[] gradient(int k, int count) {
    float[] g = new float[count];
    for (int i = 0; i < count; i++) {
      g[i] = (Math.floorMod((long) i * (13 + 6 * k) + 11L * k, 97) - 48) / 32f;
      if (k % 3 == 2 && i % 2 == 0) {
        g[i] /= 16f;
      }
    }
    return g;
  }

  static double lr(OptimizerConfig config, int k) {
    return config.lr() * LR_FACTORS[k % LR_FACTORS.length];
  }
}
