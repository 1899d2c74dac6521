// Optimizer updates: one kernel launch updates every parameter of a network.
//
// Parameters, gradients and each optimizer state (momentum, squares, ...) are flat float buffers of the same
// layout, `count` elements long. The update is elementwise, so the order in which elements are visited does not
// matter; what matters is streaming memory well, since each element is loaded and stored once per step and the
// arithmetic is a handful of flops.
//
// Work split: work-item w owns the contiguous block [w * BLOCK, (w + 1) * BLOCK) and walks it in vectors of VW
// floats; the last vector of the last block may be partial, and is loaded lane by lane into a zero-padded vector
// (padding lanes are computed and thrown away), so each update rule is written once, for vectors only.
//
//   elements:  |<------------ BLOCK ------------>|<------------ BLOCK ------------>|<-- BLOCK ...
//   vectors:   | VW | VW | ...             | VW | VW | VW | ...             | VW | VW | VW |part|
//              `------ work-item 0 ---------'    `------ work-item 1 ---------'    `-- last --'
//
// The rules follow PyTorch 1.13's torch.optim implementations (the _single_tensor_* functions), including the
// order of floating-point operations where it is cheap to keep. Scalars derived from hyper-parameters (1 - beta,
// bias corrections, decayed learning rates) are computed by the host in double precision and passed as floats,
// as PyTorch computes them as Python floats before they meet the float32 tensors.

#ifndef VW
#define VW 16            // floats per vector load and store: 16 (CPU, AVX-512), 8 or 4 (GPU)
#endif
#ifndef VECS_PER_ITEM
#define VECS_PER_ITEM 4  // vectors in one work-item's contiguous block
#endif
#define BLOCK (VW * VECS_PER_ITEM)  // elements per work-item

// Feature switches, set per optimizer configuration; each one removes a state buffer from the signature.
#ifndef NESTEROV
#define NESTEROV 0       // sgd_momentum: Nesterov momentum (torch.optim.SGD nesterov=True)
#endif
#ifndef RMS_MOMENTUM
#define RMS_MOMENTUM 0   // rmsprop: momentum > 0, which adds the momentum_buffer state
#endif
#ifndef CENTERED
#define CENTERED 0       // rmsprop: centered, which adds the grad_avg state
#endif
#ifndef AMSGRAD
#define AMSGRAD 0        // adam: amsgrad, which adds the max_exp_avg_sq state
#endif
#ifndef DECOUPLED
#define DECOUPLED 0      // adam: AdamW's decoupled weight decay instead of Adam's L2 term in the gradient
#endif

#if VW == 16
typedef float16 floatv;
#define VLOAD vload16
#define VSTORE vstore16
#elif VW == 8
typedef float8 floatv;
#define VLOAD vload8
#define VSTORE vstore8
#elif VW == 4
typedef float4 floatv;
#define VLOAD vload4
#define VSTORE vstore4
#else
#error "VW must be 4, 8 or 16"
#endif

// This work-item's block, clipped to the buffer; empty for work-items past the end (the global size is rounded up
// to a multiple of the local size).
inline ulong block_begin(void) {
  return (ulong) get_global_id(0) * BLOCK;
}

inline ulong block_end(ulong count) {
  return min(block_begin() + BLOCK, count);
}

// Lanes of the vector at element `at` that lie inside the block: VW except for the very last vector.
inline uint lanes_at(ulong at, ulong end) {
  return (uint) min((ulong) VW, end - at);
}

inline floatv load_lanes(__global const float* restrict source, ulong at, uint lanes) {
  if (lanes == VW) {
    return VLOAD(0, source + at);
  }
  float padded[VW];
  for (uint k = 0; k < VW; k++) {
    padded[k] = k < lanes ? source[at + k] : 0.0f;
  }
  return VLOAD(0, padded);
}

inline void store_lanes(floatv value, __global float* restrict target, ulong at, uint lanes) {
  if (lanes == VW) {
    VSTORE(value, 0, target + at);
    return;
  }
  float padded[VW];
  VSTORE(value, 0, padded);
  for (uint k = 0; k < lanes; k++) {
    target[at + k] = padded[k];
  }
}

// torch.optim.SGD, momentum = 0:  g += wd * p;  p -= lr * g
__kernel void sgd(__global float* restrict param, __global const float* restrict grad, const ulong count,
                  const float lr, const float weight_decay) {
  const ulong end = block_end(count);
  for (ulong i = block_begin(); i < end; i += VW) {
    const uint n = lanes_at(i, end);
    floatv p = load_lanes(param, i, n);
    floatv g = load_lanes(grad, i, n);
    g = g + weight_decay * p;
    p = p - lr * g;
    store_lanes(p, param, i, n);
  }
}

// torch.optim.SGD, momentum > 0:  g += wd * p;  b = momentum * b + (1 - dampening) * g;  g = b (or, with
// Nesterov, g += momentum * b);  p -= lr * g.
// PyTorch's first step sets b = g instead; the host passes buffer_keep = 0 and grad_take = 1 then, which gives
// exactly g because the buffer starts at zero.
__kernel void sgd_momentum(__global float* restrict param, __global const float* restrict grad,
                           __global float* restrict momentum_buffer, const ulong count, const float lr,
                           const float weight_decay, const float momentum, const float buffer_keep,
                           const float grad_take) {
  const ulong end = block_end(count);
  for (ulong i = block_begin(); i < end; i += VW) {
    const uint n = lanes_at(i, end);
    floatv p = load_lanes(param, i, n);
    floatv g = load_lanes(grad, i, n);
    floatv b = load_lanes(momentum_buffer, i, n);
    g = g + weight_decay * p;
    b = buffer_keep * b + grad_take * g;
#if NESTEROV
    g = g + momentum * b;
#else
    g = b;
#endif
    p = p - lr * g;
    store_lanes(b, momentum_buffer, i, n);
    store_lanes(p, param, i, n);
  }
}

// torch.optim.Adagrad:  g += wd * p;  sum += g * g;  p -= clr * g / (sqrt(sum) + eps),
// with clr = lr / (1 + (t - 1) * lr_decay) from the host.
__kernel void adagrad(__global float* restrict param, __global const float* restrict grad,
                      __global float* restrict sum, const ulong count, const float clr, const float weight_decay,
                      const float eps) {
  const ulong end = block_end(count);
  for (ulong i = block_begin(); i < end; i += VW) {
    const uint n = lanes_at(i, end);
    floatv p = load_lanes(param, i, n);
    floatv g = load_lanes(grad, i, n);
    floatv s = load_lanes(sum, i, n);
    g = g + weight_decay * p;
    s = s + g * g;
    const floatv std = sqrt(s) + eps;
    p = p - clr * g / std;
    store_lanes(s, sum, i, n);
    store_lanes(p, param, i, n);
  }
}

// torch.optim.Adadelta:  g += wd * p;  v = rho * v + (1 - rho) * g * g;
// delta = sqrt(u + eps) / sqrt(v + eps) * g;  u = rho * u + (1 - rho) * delta * delta;  p -= lr * delta
__kernel void adadelta(__global float* restrict param, __global const float* restrict grad,
                       __global float* restrict square_avg, __global float* restrict acc_delta, const ulong count,
                       const float lr, const float weight_decay, const float rho, const float one_minus_rho,
                       const float eps) {
  const ulong end = block_end(count);
  for (ulong i = block_begin(); i < end; i += VW) {
    const uint n = lanes_at(i, end);
    floatv p = load_lanes(param, i, n);
    floatv g = load_lanes(grad, i, n);
    floatv v = load_lanes(square_avg, i, n);
    floatv u = load_lanes(acc_delta, i, n);
    g = g + weight_decay * p;
    v = rho * v + one_minus_rho * (g * g);
    const floatv std = sqrt(v + eps);
    const floatv delta = sqrt(u + eps) / std * g;
    u = rho * u + one_minus_rho * (delta * delta);
    p = p - lr * delta;
    store_lanes(v, square_avg, i, n);
    store_lanes(u, acc_delta, i, n);
    store_lanes(p, param, i, n);
  }
}

// torch.optim.RMSprop:  g += wd * p;  v = alpha * v + (1 - alpha) * g * g;
// centered: g_ave = alpha * g_ave + (1 - alpha) * g, avg = sqrt(v - g_ave^2) + eps; else avg = sqrt(v) + eps;
// momentum: b = momentum * b + g / avg, p -= lr * b; else p -= lr * g / avg
__kernel void rmsprop(__global float* restrict param, __global const float* restrict grad,
                      __global float* restrict square_avg,
#if RMS_MOMENTUM
                      __global float* restrict momentum_buffer,
#endif
#if CENTERED
                      __global float* restrict grad_avg,
#endif
                      const ulong count, const float lr, const float weight_decay, const float alpha,
                      const float one_minus_alpha, const float eps, const float momentum) {
  const ulong end = block_end(count);
  for (ulong i = block_begin(); i < end; i += VW) {
    const uint n = lanes_at(i, end);
    floatv p = load_lanes(param, i, n);
    floatv g = load_lanes(grad, i, n);
    floatv v = load_lanes(square_avg, i, n);
    g = g + weight_decay * p;
    v = alpha * v + one_minus_alpha * (g * g);
    store_lanes(v, square_avg, i, n);
#if CENTERED
    floatv a = load_lanes(grad_avg, i, n);
    a = alpha * a + one_minus_alpha * g;
    store_lanes(a, grad_avg, i, n);
    const floatv avg = sqrt(v - a * a) + eps;
#else
    const floatv avg = sqrt(v) + eps;
#endif
#if RMS_MOMENTUM
    floatv b = load_lanes(momentum_buffer, i, n);
    b = momentum * b + g / avg;
    store_lanes(b, momentum_buffer, i, n);
    p = p - lr * b;
#else
    p = p - lr * g / avg;
#endif
    store_lanes(p, param, i, n);
  }
}

// torch.optim.Adam and AdamW:
//   Adam: g += wd * p;   AdamW: p *= 1 - lr * wd (param_scale, from the host)
//   m = beta1 * m + (1 - beta1) * g;  v = beta2 * v + (1 - beta2) * g * g;
//   amsgrad: v_max = max(v_max, v), denom = sqrt(v_max) / sqrt(1 - beta2^t) + eps; else the same with v
//   p -= (lr / (1 - beta1^t)) * m / denom
// step_size = lr / (1 - beta1^t) and bias_correction2_sqrt = sqrt(1 - beta2^t) come from the host.
__kernel void adam(__global float* restrict param, __global const float* restrict grad,
                   __global float* restrict exp_avg, __global float* restrict exp_avg_sq,
#if AMSGRAD
                   __global float* restrict max_exp_avg_sq,
#endif
                   const ulong count, const float step_size, const float weight_decay, const float param_scale,
                   const float beta1, const float one_minus_beta1, const float beta2, const float one_minus_beta2,
                   const float bias_correction2_sqrt, const float eps) {
  const ulong end = block_end(count);
  for (ulong i = block_begin(); i < end; i += VW) {
    const uint n = lanes_at(i, end);
    floatv p = load_lanes(param, i, n);
    floatv g = load_lanes(grad, i, n);
    floatv m = load_lanes(exp_avg, i, n);
    floatv v = load_lanes(exp_avg_sq, i, n);
#if DECOUPLED
    p = p * param_scale;
#else
    g = g + weight_decay * p;
#endif
    m = beta1 * m + one_minus_beta1 * g;
    v = beta2 * v + one_minus_beta2 * (g * g);
    store_lanes(m, exp_avg, i, n);
    store_lanes(v, exp_avg_sq, i, n);
#if AMSGRAD
    floatv v_max = load_lanes(max_exp_avg_sq, i, n);
    v_max = fmax(v_max, v);
    store_lanes(v_max, max_exp_avg_sq, i, n);
    const floatv denom = sqrt(v_max) / bias_correction2_sqrt + eps;
#else
    const floatv denom = sqrt(v) / bias_correction2_sqrt + eps;
#endif
    p = p - step_size * m / denom;
    store_lanes(p, param, i, n);
  }
}
