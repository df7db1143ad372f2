// The NEON level (arm64 only, where Advanced SIMD and half-precision conversion are part of
// the baseline ISA, so no extra flags). 4-lane FMA with 4 accumulators; halves converted with
// FCVTL (exact); integers widened with vmull/vsubl/vabdl and accumulated pairwise in 32 bits.
// Everything lives in an anonymous namespace: see src/half.h on internal linkage.
#if !defined(__aarch64__) && !defined(_M_ARM64)
#error "kernels_neon.cpp is arm64 only"
#endif

#include <arm_neon.h>

#include <cstring>

#include "../kernel_common.h"
#include "vecgres/kernels.h"

namespace vecgres {
namespace {

// Loaders of 4 floats; load_n reads n < 4 elements through a zeroed stack copy so nothing past
// the vector is touched, and the zero lanes add nothing to any sum.
struct F32Load {
  using T = float;
  static float32x4_t load(const float* p) { return vld1q_f32(p); }
  static float32x4_t load_n(const float* p, size_t n) {
    float buf[4] = {0, 0, 0, 0};
    std::memcpy(buf, p, n * sizeof(float));
    return vld1q_f32(buf);
  }
};
struct F16Load {
  using T = uint16_t;
  static float32x4_t load(const uint16_t* p) { return vcvt_f32_f16(vreinterpret_f16_u16(vld1_u16(p))); }
  static float32x4_t load_n(const uint16_t* p, size_t n) {
    uint16_t buf[4] = {0, 0, 0, 0};
    std::memcpy(buf, p, n * sizeof(uint16_t));
    return load(buf);
  }
};

struct L2Op {
  static float32x4_t step(float32x4_t acc, float32x4_t x, float32x4_t y) {
    const float32x4_t t = vsubq_f32(x, y);
    return vfmaq_f32(acc, t, t);
  }
};
struct DotOp {
  static float32x4_t step(float32x4_t acc, float32x4_t x, float32x4_t y) { return vfmaq_f32(acc, x, y); }
};
struct L1Op {
  static float32x4_t step(float32x4_t acc, float32x4_t x, float32x4_t y) { return vaddq_f32(acc, vabdq_f32(x, y)); }
};

template <class L, class Op>
float reduce(const typename L::T* a, const typename L::T* b, size_t d) {
  float32x4_t s0 = vdupq_n_f32(0), s1 = vdupq_n_f32(0), s2 = vdupq_n_f32(0), s3 = vdupq_n_f32(0);
  size_t i = 0;
  for (; i + 16 <= d; i += 16) {
    s0 = Op::step(s0, L::load(a + i), L::load(b + i));
    s1 = Op::step(s1, L::load(a + i + 4), L::load(b + i + 4));
    s2 = Op::step(s2, L::load(a + i + 8), L::load(b + i + 8));
    s3 = Op::step(s3, L::load(a + i + 12), L::load(b + i + 12));
  }
  for (; i + 4 <= d; i += 4) s0 = Op::step(s0, L::load(a + i), L::load(b + i));
  if (i < d) s1 = Op::step(s1, L::load_n(a + i, d - i), L::load_n(b + i, d - i));
  return vaddvq_f32(vaddq_f32(vaddq_f32(s0, s1), vaddq_f32(s2, s3)));
}

template <class L>
float cosine(const typename L::T* a, const typename L::T* b, size_t d) {
  float32x4_t ab0 = vdupq_n_f32(0), aa0 = vdupq_n_f32(0), bb0 = vdupq_n_f32(0);
  float32x4_t ab1 = vdupq_n_f32(0), aa1 = vdupq_n_f32(0), bb1 = vdupq_n_f32(0);
  size_t i = 0;
  for (; i + 8 <= d; i += 8) {
    const float32x4_t x0 = L::load(a + i), y0 = L::load(b + i);
    const float32x4_t x1 = L::load(a + i + 4), y1 = L::load(b + i + 4);
    ab0 = vfmaq_f32(ab0, x0, y0);
    aa0 = vfmaq_f32(aa0, x0, x0);
    bb0 = vfmaq_f32(bb0, y0, y0);
    ab1 = vfmaq_f32(ab1, x1, y1);
    aa1 = vfmaq_f32(aa1, x1, x1);
    bb1 = vfmaq_f32(bb1, y1, y1);
  }
  for (; i < d; i += 4) {
    const bool full = i + 4 <= d;
    const float32x4_t x = full ? L::load(a + i) : L::load_n(a + i, d - i);
    const float32x4_t y = full ? L::load(b + i) : L::load_n(b + i, d - i);
    ab0 = vfmaq_f32(ab0, x, y);
    aa0 = vfmaq_f32(aa0, x, x);
    bb0 = vfmaq_f32(bb0, y, y);
  }
  return detail::cosine_from_sums(vaddvq_f32(vaddq_f32(ab0, ab1)), vaddvq_f32(vaddq_f32(aa0, aa1)),
                                  vaddvq_f32(vaddq_f32(bb0, bb1)));
}

template <class L> float l2sq(const typename L::T* a, const typename L::T* b, size_t d) { return reduce<L, L2Op>(a, b, d); }
template <class L> float dot(const typename L::T* a, const typename L::T* b, size_t d) { return reduce<L, DotOp>(a, b, d); }
template <class L> float l1(const typename L::T* a, const typename L::T* b, size_t d) { return reduce<L, L1Op>(a, b, d); }

// Integer sums: lanes are added as uint32 (wrapping like the scalar level past d = 33,000).
inline uint32_t hsum_u32(uint32x4_t v) { return vaddvq_u32(v); }

int32_t i8_dot(const int8_t* a, const int8_t* b, size_t d) {
  int32x4_t acc = vdupq_n_s32(0);
  size_t i = 0;
  for (; i + 16 <= d; i += 16) {
    const int8x16_t x = vld1q_s8(a + i), y = vld1q_s8(b + i);
    acc = vpadalq_s16(acc, vmull_s8(vget_low_s8(x), vget_low_s8(y)));   // |x*y| <= 16384
    acc = vpadalq_s16(acc, vmull_s8(vget_high_s8(x), vget_high_s8(y)));
  }
  uint32_t s = hsum_u32(vreinterpretq_u32_s32(acc));
  for (; i < d; ++i) s += static_cast<uint32_t>(static_cast<int32_t>(a[i]) * b[i]);
  return static_cast<int32_t>(s);
}

int32_t i8_l2sq(const int8_t* a, const int8_t* b, size_t d) {
  int32x4_t acc = vdupq_n_s32(0);
  size_t i = 0;
  for (; i + 16 <= d; i += 16) {
    const int8x16_t x = vld1q_s8(a + i), y = vld1q_s8(b + i);
    const int16x8_t lo = vsubl_s8(vget_low_s8(x), vget_low_s8(y));
    const int16x8_t hi = vsubl_s8(vget_high_s8(x), vget_high_s8(y));
    acc = vmlal_s16(acc, vget_low_s16(lo), vget_low_s16(lo));
    acc = vmlal_s16(acc, vget_high_s16(lo), vget_high_s16(lo));
    acc = vmlal_s16(acc, vget_low_s16(hi), vget_low_s16(hi));
    acc = vmlal_s16(acc, vget_high_s16(hi), vget_high_s16(hi));
  }
  uint32_t s = hsum_u32(vreinterpretq_u32_s32(acc));
  for (; i < d; ++i) {
    const int32_t t = static_cast<int32_t>(a[i]) - b[i];
    s += static_cast<uint32_t>(t * t);
  }
  return static_cast<int32_t>(s);
}

int32_t u8_dot(const uint8_t* a, const uint8_t* b, size_t d) {
  uint32x4_t acc = vdupq_n_u32(0);
  size_t i = 0;
  for (; i + 16 <= d; i += 16) {
    const uint8x16_t x = vld1q_u8(a + i), y = vld1q_u8(b + i);
    acc = vpadalq_u16(acc, vmull_u8(vget_low_u8(x), vget_low_u8(y)));   // x*y <= 65025 fits u16
    acc = vpadalq_u16(acc, vmull_u8(vget_high_u8(x), vget_high_u8(y)));
  }
  uint32_t s = hsum_u32(acc);
  for (; i < d; ++i) s += static_cast<uint32_t>(a[i]) * b[i];
  return static_cast<int32_t>(s);
}

int32_t u8_l2sq(const uint8_t* a, const uint8_t* b, size_t d) {
  uint32x4_t acc = vdupq_n_u32(0);
  size_t i = 0;
  for (; i + 16 <= d; i += 16) {
    const uint8x16_t x = vld1q_u8(a + i), y = vld1q_u8(b + i);
    const uint16x8_t lo = vabdl_u8(vget_low_u8(x), vget_low_u8(y));
    const uint16x8_t hi = vabdl_u8(vget_high_u8(x), vget_high_u8(y));
    acc = vmlal_u16(acc, vget_low_u16(lo), vget_low_u16(lo));
    acc = vmlal_u16(acc, vget_high_u16(lo), vget_high_u16(lo));
    acc = vmlal_u16(acc, vget_low_u16(hi), vget_low_u16(hi));
    acc = vmlal_u16(acc, vget_high_u16(hi), vget_high_u16(hi));
  }
  uint32_t s = hsum_u32(acc);
  for (; i < d; ++i) {
    const int32_t t = static_cast<int32_t>(a[i]) - b[i];
    s += static_cast<uint32_t>(t * t);
  }
  return static_cast<int32_t>(s);
}

inline uint64_t popcount_bytes(uint8x16_t v) { return vaddlvq_u8(vcntq_u8(v)); }

uint32_t bits_hamming(const uint8_t* a, const uint8_t* b, size_t d_bits) {
  const size_t bytes = d_bits / 8;
  uint64_t n = 0;
  size_t i = 0;
  for (; i + 16 <= bytes; i += 16) n += popcount_bytes(veorq_u8(vld1q_u8(a + i), vld1q_u8(b + i)));
  n += detail::hamming_tail(a, b, i, d_bits);
  return static_cast<uint32_t>(n);
}

float bits_jaccard(const uint8_t* a, const uint8_t* b, size_t d_bits) {
  const size_t bytes = d_bits / 8;
  uint64_t ab = 0, aa = 0, bb = 0;
  size_t i = 0;
  for (; i + 16 <= bytes; i += 16) {
    const uint8x16_t x = vld1q_u8(a + i), y = vld1q_u8(b + i);
    ab += popcount_bytes(vandq_u8(x, y));
    aa += popcount_bytes(x);
    bb += popcount_bytes(y);
  }
  detail::BitCounts c{ab, aa, bb};
  detail::jaccard_tail(a, b, i, d_bits, &c);
  return detail::jaccard_from_counts(c.ab, c.aa, c.bb);
}

uint64_t read_memory(const void* data, size_t bytes) {
  const uint8_t* p = static_cast<const uint8_t*>(data);
  uint64x2_t s0 = vdupq_n_u64(0), s1 = vdupq_n_u64(0), s2 = vdupq_n_u64(0), s3 = vdupq_n_u64(0);
  size_t i = 0;
  for (; i + 64 <= bytes; i += 64) {
    s0 = vaddq_u64(s0, vreinterpretq_u64_u8(vld1q_u8(p + i)));
    s1 = vaddq_u64(s1, vreinterpretq_u64_u8(vld1q_u8(p + i + 16)));
    s2 = vaddq_u64(s2, vreinterpretq_u64_u8(vld1q_u8(p + i + 32)));
    s3 = vaddq_u64(s3, vreinterpretq_u64_u8(vld1q_u8(p + i + 48)));
  }
  uint64_t total = vaddvq_u64(vaddq_u64(vaddq_u64(s0, s1), vaddq_u64(s2, s3)));
  for (; i + 8 <= bytes; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    total += w;
  }
  for (; i < bytes; ++i) total += p[i];
  return total;
}

const KernelTable kNeonTable = {
    SimdLevel::kNeon,
    l2sq<F32Load>, dot<F32Load>, cosine<F32Load>, l1<F32Load>,
    l2sq<F16Load>, dot<F16Load>, cosine<F16Load>, l1<F16Load>,
    i8_dot, i8_l2sq, u8_dot, u8_l2sq,
    bits_hamming, bits_jaccard,
    read_memory,
};

}  // namespace

namespace detail {
const KernelTable* neon_kernel_table() { return &kNeonTable; }
}  // namespace detail

}  // namespace vecgres
