package netforge.runtime.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PyTorch 1.13's optimizer update rules in double precision, written from the pseudo-code in the {@code torch.optim}
 * documentation (one method per class), independently of the kernels. Two places follow PyTorch's implementation
 * where its 1.13 pseudo-code is loose, because the implementation is what users compare against:
 * <ul>
 *   <li>Adagrad's {@code state_sum} starts at {@code initial_accumulator_value} (the pseudo-code lists the value
 *       as an input but writes {@code state_sum_0 = 0}).</li>
 *   <li>Adam and AdamW with amsgrad keep the maximum of the raw {@code v_t} ({@code max_exp_avg_sq}) and divide it
 *       by the current {@code sqrt(1 - beta2^t)}; the pseudo-code takes the maximum of the bias-corrected values,
 *       which differs once {@code v} shrinks.</li>
 * </ul>
 */
final class PytorchReference {
  final OptimizerConfig config;
  final double[] param;
  final Map<String, double[]> state = new LinkedHashMap<>();
  long t;

  PytorchReference(OptimizerConfig config, float[] initial) {
    this.config = config;
    this.param = new double[initial.length];
    for (int i = 0; i < initial.length; i++) {
      param[i] = initial[i];
    }
  }

  /** One step with gradient {@code grad} and learning rate {@code lr}. */
  void step(float[] grad, double lr) {
    t++;
    switch (config.kind()) {
      case SGD, MOMENTUM, NAG -> sgd(grad, lr);
      case ADAGRAD -> adagrad(grad, lr);
      case ADADELTA -> adadelta(grad, lr);
      case RMSPROP -> rmsprop(grad, lr);
      case ADAM -> adam(grad, lr, false);
      case ADAMW -> adam(grad, lr, true);
    }
  }

  private double[] state(String name, double initial) {
    return state.computeIfAbsent(name, k -> {
      double[] values = new double[param.length];
      java.util.Arrays.fill(values, initial);
      return values;
    });
  }

  // SGD: g += λθ; if μ != 0 { b = t > 1 ? μb + (1 - τ)g : g; g = nesterov ? g + μb : b }; θ -= γg
  private void sgd(float[] grad, double lr) {
    double mu = config.momentum();
    double[] b = mu != 0 ? state("momentum_buffer", 0) : null;
    for (int i = 0; i < param.length; i++) {
      double g = grad[i] + config.weightDecay() * param[i];
      if (mu != 0) {
        b[i] = t > 1 ? mu * b[i] + (1 - config.dampening()) * g : g;
        g = config.nesterov() ? g + mu * b[i] : b[i];
      }
      param[i] -= lr * g;
    }
  }

  // Adagrad: γ~ = γ / (1 + (t - 1)η); g += λθ; sum += g²; θ -= γ~ g / (sqrt(sum) + ε)
  private void adagrad(float[] grad, double lr) {
    double[] sum = state("sum", config.initialAccumulatorValue());
    double clr = lr / (1 + (t - 1) * config.lrDecay());
    for (int i = 0; i < param.length; i++) {
      double g = grad[i] + config.weightDecay() * param[i];
      sum[i] += g * g;
      param[i] -= clr * g / (Math.sqrt(sum[i]) + config.eps());
    }
  }

  // Adadelta: g += λθ; v = ρv + (1 - ρ)g²; Δ = sqrt(u + ε) / sqrt(v + ε) g; u = ρu + (1 - ρ)Δ²; θ -= γΔ
  private void adadelta(float[] grad, double lr) {
    double[] v = state("square_avg", 0);
    double[] u = state("acc_delta", 0);
    double rho = config.rho();
    double eps = config.eps();
    for (int i = 0; i < param.length; i++) {
      double g = grad[i] + config.weightDecay() * param[i];
      v[i] = rho * v[i] + (1 - rho) * g * g;
      double delta = Math.sqrt(u[i] + eps) / Math.sqrt(v[i] + eps) * g;
      u[i] = rho * u[i] + (1 - rho) * delta * delta;
      param[i] -= lr * delta;
    }
  }

  // RMSprop: g += λθ; v = αv + (1 - α)g²; ṽ = v; centered: gave = α gave + (1 - α)g, ṽ -= gave²;
  // μ > 0: b = μb + g / (sqrt(ṽ) + ε), θ -= γb; else θ -= γ g / (sqrt(ṽ) + ε)
  private void rmsprop(float[] grad, double lr) {
    double alpha = config.alpha();
    double mu = config.momentum();
    double[] v = state("square_avg", 0);
    double[] b = mu > 0 ? state("momentum_buffer", 0) : null;
    double[] gave = config.centered() ? state("grad_avg", 0) : null;
    for (int i = 0; i < param.length; i++) {
      double g = grad[i] + config.weightDecay() * param[i];
      v[i] = alpha * v[i] + (1 - alpha) * g * g;
      double vTilde = v[i];
      if (config.centered()) {
        gave[i] = alpha * gave[i] + (1 - alpha) * g;
        vTilde -= gave[i] * gave[i];
      }
      double scaled = g / (Math.sqrt(vTilde) + config.eps());
      if (mu > 0) {
        b[i] = mu * b[i] + scaled;
        param[i] -= lr * b[i];
      } else {
        param[i] -= lr * scaled;
      }
    }
  }

  // Adam: g += λθ (AdamW instead: θ -= γλθ); m = β1 m + (1 - β1)g; v = β2 v + (1 - β2)g²;
  // m^ = m / (1 - β1^t); v^ = v / (1 - β2^t); θ -= γ m^ / (sqrt(v^) + ε), amsgrad with the running max of v.
  private void adam(float[] grad, double lr, boolean decoupled) {
    double beta1 = config.beta1();
    double beta2 = config.beta2();
    double[] m = state("exp_avg", 0);
    double[] v = state("exp_avg_sq", 0);
    double[] vMax = config.amsgrad() ? state("max_exp_avg_sq", 0) : null;
    double bc1 = 1 - Math.pow(beta1, t);
    double bc2 = 1 - Math.pow(beta2, t);
    for (int i = 0; i < param.length; i++) {
      double g = grad[i];
      if (decoupled) {
        param[i] -= lr * config.weightDecay() * param[i];
      } else {
        g += config.weightDecay() * param[i];
      }
      m[i] = beta1 * m[i] + (1 - beta1) * g;
      v[i] = beta2 * v[i] + (1 - beta2) * g * g;
      double mHat = m[i] / bc1;
      double second = v[i];
      if (config.amsgrad()) {
        vMax[i] = Math.max(vMax[i], v[i]);
        second = vMax[i];
      }
      double vHat = second / bc2;
      param[i] -= lr * mHat / (Math.sqrt(vHat) + config.eps());
    }
  }
}
