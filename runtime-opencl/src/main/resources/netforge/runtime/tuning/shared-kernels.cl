// shared-kernels.cl: the kernels every NetForge program shares, for the runtime's GEMM benchmark. Rendered by the
// processor (OpenClRenderer.sharedProgram); do not edit: run its tests with -Dgolden.update=true.

// Tunables: override with -D at build time (the runtime passes its tuned values).
#ifndef TM
#define TM 12  // rows of the GEMM register tile: C rows one work-item computes
#endif
#ifndef TNV
#define TNV 2  // 16-wide vectors per tile row: the tile has TN = 16 * TNV columns
#endif
#define TN (16 * TNV)

typedef float real;  // NetForge's buffers hold 32-bit floats
typedef float16 real16;
#define NF_LANE ((int16)(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15))  // lane numbers

// splitmix64's finaliser: a bijective mix, the core of the counter-based dropout generator
static inline ulong nf_mix(ulong z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
  return z ^ (z >> 31);
}

// Dropout keeps element `index` of the tensor `key` at training step `step` when the top 32 bits of the
// hash reach `threshold` = p * 2^32; netforge.runtime.internal.DropoutMask computes the same in Java.
static inline int nf_keep(const ulong seed, const uint step, const uint key, const ulong index, const uint threshold) {
  const ulong h = nf_mix(nf_mix(nf_mix(seed + key) + step) + index);
  return (uint)(h >> 32) >= threshold;
}

// ---- shared kernels: strided operand packing, and the GEMM of backward products

// Whether the columns c .. c+15 of a strided operand are adjacent in memory.
static inline int nf_adjacent(const int c, const int grp, const long grp_stride, const long col_stride) {
  return (grp == 1 && grp_stride == 1) || (col_stride == 1 && c % grp + 16 <= grp);
}

// A (m_rows x k_depth) into strips of TM rows, k-major; A[m][k] at
// offset + m * row_stride + (k / grp) * grp_stride + (k % grp) * col_stride.
// One work-item moves 16 values of k for the TM rows of its strip: a vector load per row when they are
// adjacent, then a transposed store into the strip.
__kernel void nf_pack_rows(const __global real* restrict src, __global real* restrict ap, const int m_rows, const int k_depth, const long offset, const long row_stride, const int grp, const long grp_stride, const long col_stride) {
  const int k0 = get_global_id(0) * 16;
  const int strip = get_global_id(1);
  if (k0 >= k_depth) return;
  __global real* dst = ap + (size_t)strip * k_depth * TM;
  const __global real* column = src + offset + (size_t)(k0 / grp) * grp_stride + (size_t)(k0 % grp) * col_stride;
  if (k0 + 16 <= k_depth && nf_adjacent(k0, grp, grp_stride, col_stride)) {
    for (int i = 0; i < TM; ++i) {
      const int m = strip * TM + i;
      const real16 v = m < m_rows ? vload16(0, column + (size_t)m * row_stride) : (real16)(0);
      real values[16];
      vstore16(v, 0, values);
      for (int j = 0; j < 16; ++j) dst[(size_t)(k0 + j) * TM + i] = values[j];
    }
    return;
  }
  for (int k = k0; k < min(k0 + 16, k_depth); ++k) {
    const __global real* at = src + offset + (size_t)(k / grp) * grp_stride + (size_t)(k % grp) * col_stride;
    for (int i = 0; i < TM; ++i) {
      const int m = strip * TM + i;
      dst[(size_t)k * TM + i] = m < m_rows ? at[(size_t)m * row_stride] : (real)0;
    }
  }
}

// B (k_depth x n_cols) into strips of TN columns, k-major; B[k][n] at
// offset + k * row_stride + (n / grp) * grp_stride + (n % grp) * col_stride.
__kernel void nf_pack_columns(const __global real* restrict src, __global real* restrict bp, const int n_cols, const int k_depth, const long offset, const long row_stride, const int grp, const long grp_stride, const long col_stride) {
  const int k = get_global_id(0);
  const int strip = get_global_id(1);
  if (k >= k_depth) return;
  const __global real* row = src + offset + (size_t)k * row_stride;
  __global real* dst = bp + ((size_t)strip * k_depth + k) * TN;
  int n = strip * TN;
  int q = n / grp;
  int r = n - q * grp;
  if (n + TN <= n_cols && ((grp == 1 && grp_stride == 1) || (col_stride == 1 && r + TN <= grp))) {
    const __global real* from = row + (size_t)q * grp_stride + (size_t)r * col_stride;
    #pragma unroll
    for (int j = 0; j < TNV; ++j) vstore16(vload16(j, from), j, dst);
    return;
  }
  for (int t = 0; t < TN; ++t, ++n) {
    dst[t] = n < n_cols ? row[(size_t)q * grp_stride + (size_t)r * col_stride] : (real)0;
    if (++r == grp) {
      r = 0;
      ++q;
    }
  }
}

// C = A x B stored at c[offset + m * ldc + n], or added to it when accumulate is set
__kernel void nf_gemm_store(__global const real* restrict ap, __global const real* restrict bp, const int m_rows, const int n_cols, const int k_depth, const int n_fastest, __global real* restrict c, const long offset, const long ldc, const int accumulate) {
  const int sm = get_global_id(n_fastest ? 1 : 0);
  const int sn = get_global_id(n_fastest ? 0 : 1);
  const __global real* a = ap + (size_t)sm * k_depth * TM;
  const __global real16* b = (const __global real16*)(bp + (size_t)sn * k_depth * TN);
  real16 acc[TM][TNV];
  #pragma unroll
  for (int i = 0; i < TM; ++i) {
    #pragma unroll
    for (int j = 0; j < TNV; ++j) acc[i][j] = (real16)(0);
  }
  for (int k = 0; k < k_depth; ++k) {
    real16 bv[TNV];
    #pragma unroll
    for (int j = 0; j < TNV; ++j) bv[j] = b[k * TNV + j];
    #pragma unroll
    for (int i = 0; i < TM; ++i) {
      const real16 av = (real16)(a[k * TM + i]);
      #pragma unroll
      for (int j = 0; j < TNV; ++j) acc[i][j] = fma(av, bv[j], acc[i][j]);
    }
  }
  const int nb = sn * TN;
  const int whole = nb + TN <= n_cols;
  #pragma unroll
  for (int i = 0; i < TM; ++i) {
    const int m = sm * TM + i;
    if (m >= m_rows) break;
    if (whole) {
      __global real* out = c + offset + (size_t)m * ldc + nb;
      #pragma unroll
      for (int j = 0; j < TNV; ++j) vstore16(accumulate ? acc[i][j] + vload16(j, out) : acc[i][j], j, out);
      continue;
    }
    real row[TN];
    #pragma unroll
    for (int j = 0; j < TNV; ++j) vstore16(acc[i][j], j, row);
    for (int t = 0; t < TN; ++t) {
      const int n = nb + t;
      if (n >= n_cols) break;
      const real v = row[t];
      const size_t o = offset + (size_t)m * ldc + n;
      c[o] = accumulate ? c[o] + v : v;
    }
  }
}

