// The AVX2 level (compiled with -mavx2 -mfma -mf16c -mpopcnt; chosen only when the CPU has
// all four). Floats: 8-lane FMA with 4 independent accumulators; halves are widened by F16C
// (exact). Integers: widened to int16 and multiplied pairwise into int32 (vpmaddwd), exact.
// Everything lives in an anonymous namespace: see src/half.h on internal linkage.
#if !defined(__x86_64__) && !defined(_M_X64)
#error "kernels_avx2.cpp is x86-64 only"
#endif

#include <immintrin.h>

#include <cstring>

#include "../half.h"
#include "../kernel_common.h"
#include "score_rows.h"
#include "vecgres/kernels.h"

namespace vecgres {
namespace {

inline float hsum(__m256 v) {
  __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  s = _mm_add_ps(s, _mm_movehl_ps(s, s));
  s = _mm_add_ss(s, _mm_movehdup_ps(s));
  return _mm_cvtss_f32(s);
}

inline int32_t hsum_epi32(__m256i v) {
  __m128i s = _mm_add_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
  s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0x4e));
  s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0xb1));
  return _mm_cvtsi128_si32(s);
}

// Loaders of 8 floats. load_tail reads n < 8 elements through a zeroed stack copy, so it
// never touches memory past the vector; the zero lanes add nothing to any of the sums.
struct F32Load {
  using T = float;
  static __m256 load(const float* p) { return _mm256_loadu_ps(p); }
  static __m256 load_tail(const float* p, size_t n) {
    float buf[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    std::memcpy(buf, p, n * sizeof(float));
    return _mm256_loadu_ps(buf);
  }
};
struct F16Load {
  using T = uint16_t;
  static __m256 load(const uint16_t* p) {
    return _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
  }
  static __m256 load_tail(const uint16_t* p, size_t n) {
    uint16_t buf[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    std::memcpy(buf, p, n * sizeof(uint16_t));
    return load(buf);
  }
};

inline __m256 abs_ps(__m256 v) { return _mm256_andnot_ps(_mm256_set1_ps(-0.0f), v); }

// One loop skeleton for the single-sum metrics; Op::step folds a pair of loaded vectors
// into an accumulator.
struct L2Op {
  static __m256 step(__m256 acc, __m256 x, __m256 y) {
    const __m256 t = _mm256_sub_ps(x, y);
    return _mm256_fmadd_ps(t, t, acc);
  }
};
struct DotOp {
  static __m256 step(__m256 acc, __m256 x, __m256 y) { return _mm256_fmadd_ps(x, y, acc); }
};
struct L1Op {
  static __m256 step(__m256 acc, __m256 x, __m256 y) {
    return _mm256_add_ps(acc, abs_ps(_mm256_sub_ps(x, y)));
  }
};

template <class L, class Op>
float reduce(const typename L::T* a, const typename L::T* b, size_t d) {
  __m256 s0 = _mm256_setzero_ps(), s1 = _mm256_setzero_ps();
  __m256 s2 = _mm256_setzero_ps(), s3 = _mm256_setzero_ps();
  size_t i = 0;
  for (; i + 32 <= d; i += 32) {
    s0 = Op::step(s0, L::load(a + i), L::load(b + i));
    s1 = Op::step(s1, L::load(a + i + 8), L::load(b + i + 8));
    s2 = Op::step(s2, L::load(a + i + 16), L::load(b + i + 16));
    s3 = Op::step(s3, L::load(a + i + 24), L::load(b + i + 24));
  }
  for (; i + 8 <= d; i += 8) s0 = Op::step(s0, L::load(a + i), L::load(b + i));
  if (i < d) s1 = Op::step(s1, L::load_tail(a + i, d - i), L::load_tail(b + i, d - i));
  return hsum(_mm256_add_ps(_mm256_add_ps(s0, s1), _mm256_add_ps(s2, s3)));
}

// |a|^2 (depends only on the values of `a`): a scan computes it once per query.
template <class L>
inline float norm2(const typename L::T* a, size_t d) {
  __m256 s0 = _mm256_setzero_ps(), s1 = _mm256_setzero_ps();
  size_t i = 0;
  for (; i + 16 <= d; i += 16) {
    const __m256 x0 = L::load(a + i), x1 = L::load(a + i + 8);
    s0 = _mm256_fmadd_ps(x0, x0, s0);
    s1 = _mm256_fmadd_ps(x1, x1, s1);
  }
  for (; i < d; i += 8) {
    const __m256 x = i + 8 <= d ? L::load(a + i) : L::load_tail(a + i, d - i);
    s0 = _mm256_fmadd_ps(x, x, s0);
  }
  return hsum(_mm256_add_ps(s0, s1));
}

// a.b, and |b|^2 into *bb.
template <class L>
inline float dot_norm(const typename L::T* a, const typename L::T* b, size_t d, float* bb) {
  __m256 ab0 = _mm256_setzero_ps(), bb0 = _mm256_setzero_ps();
  __m256 ab1 = _mm256_setzero_ps(), bb1 = _mm256_setzero_ps();
  size_t i = 0;
  for (; i + 16 <= d; i += 16) {
    const __m256 x0 = L::load(a + i), y0 = L::load(b + i);
    const __m256 x1 = L::load(a + i + 8), y1 = L::load(b + i + 8);
    ab0 = _mm256_fmadd_ps(x0, y0, ab0);
    bb0 = _mm256_fmadd_ps(y0, y0, bb0);
    ab1 = _mm256_fmadd_ps(x1, y1, ab1);
    bb1 = _mm256_fmadd_ps(y1, y1, bb1);
  }
  for (; i < d; i += 8) {
    const bool full = i + 8 <= d;
    const __m256 x = full ? L::load(a + i) : L::load_tail(a + i, d - i);
    const __m256 y = full ? L::load(b + i) : L::load_tail(b + i, d - i);
    ab0 = _mm256_fmadd_ps(x, y, ab0);
    bb0 = _mm256_fmadd_ps(y, y, bb0);
  }
  *bb = hsum(_mm256_add_ps(bb0, bb1));
  return hsum(_mm256_add_ps(ab0, ab1));
}

// Same order of operations as the scan's CosineK (score_rows.h), so both give the same bits.
template <class L>
float cosine(const typename L::T* a, const typename L::T* b, size_t d) {
  float bb;
  const float ab = dot_norm<L>(a, b, d, &bb);
  return detail::cosine_from_sums(ab, norm2<L>(a, d), bb);
}

template <class L> float l2sq(const typename L::T* a, const typename L::T* b, size_t d) { return reduce<L, L2Op>(a, b, d); }
template <class L> float dot(const typename L::T* a, const typename L::T* b, size_t d) { return reduce<L, DotOp>(a, b, d); }
template <class L> float l1(const typename L::T* a, const typename L::T* b, size_t d) { return reduce<L, L1Op>(a, b, d); }
template <class L> float norm2_fn(const typename L::T* a, size_t d) { return norm2<L>(a, d); }
template <class L> float dot_norm_fn(const typename L::T* a, const typename L::T* b, size_t d, float* bb) { return dot_norm<L>(a, b, d, bb); }

// Integer kernels: 16 bytes -> 16 x int16 (sign- or zero-extended), then vpmaddwd sums
// adjacent products into 8 x int32. |products| <= 255^2 and pairs <= 130050: no overflow in
// a step; the int32 lanes then wrap exactly like the scalar level's narrowing.
struct I8Widen {
  using T = int8_t;
  static __m256i load(const int8_t* p) {
    return _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
  }
};
struct U8Widen {
  using T = uint8_t;
  static __m256i load(const uint8_t* p) {
    return _mm256_cvtepu8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
  }
};

template <class W>
int32_t int_dot(const typename W::T* a, const typename W::T* b, size_t d) {
  __m256i s0 = _mm256_setzero_si256(), s1 = _mm256_setzero_si256();
  size_t i = 0;
  for (; i + 32 <= d; i += 32) {
    s0 = _mm256_add_epi32(s0, _mm256_madd_epi16(W::load(a + i), W::load(b + i)));
    s1 = _mm256_add_epi32(s1, _mm256_madd_epi16(W::load(a + i + 16), W::load(b + i + 16)));
  }
  for (; i + 16 <= d; i += 16) s0 = _mm256_add_epi32(s0, _mm256_madd_epi16(W::load(a + i), W::load(b + i)));
  uint32_t s = static_cast<uint32_t>(hsum_epi32(_mm256_add_epi32(s0, s1)));
  for (; i < d; ++i) s += static_cast<uint32_t>(static_cast<int32_t>(a[i]) * static_cast<int32_t>(b[i]));
  return static_cast<int32_t>(s);
}

template <class W>
int32_t int_l2sq(const typename W::T* a, const typename W::T* b, size_t d) {
  __m256i s0 = _mm256_setzero_si256(), s1 = _mm256_setzero_si256();
  size_t i = 0;
  for (; i + 32 <= d; i += 32) {
    const __m256i t0 = _mm256_sub_epi16(W::load(a + i), W::load(b + i));
    const __m256i t1 = _mm256_sub_epi16(W::load(a + i + 16), W::load(b + i + 16));
    s0 = _mm256_add_epi32(s0, _mm256_madd_epi16(t0, t0));
    s1 = _mm256_add_epi32(s1, _mm256_madd_epi16(t1, t1));
  }
  for (; i + 16 <= d; i += 16) {
    const __m256i t = _mm256_sub_epi16(W::load(a + i), W::load(b + i));
    s0 = _mm256_add_epi32(s0, _mm256_madd_epi16(t, t));
  }
  uint32_t s = static_cast<uint32_t>(hsum_epi32(_mm256_add_epi32(s0, s1)));
  for (; i < d; ++i) {
    const int32_t t = static_cast<int32_t>(a[i]) - static_cast<int32_t>(b[i]);
    s += static_cast<uint32_t>(t * t);
  }
  return static_cast<int32_t>(s);
}

// Bits: hardware POPCNT over 64-bit words, four independent counters.
inline uint64_t load64(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

uint32_t bits_hamming(const uint8_t* a, const uint8_t* b, size_t d_bits) {
  const size_t bytes = d_bits / 8;
  uint64_t n0 = 0, n1 = 0, n2 = 0, n3 = 0;
  size_t i = 0;
  for (; i + 32 <= bytes; i += 32) {
    n0 += _mm_popcnt_u64(load64(a + i) ^ load64(b + i));
    n1 += _mm_popcnt_u64(load64(a + i + 8) ^ load64(b + i + 8));
    n2 += _mm_popcnt_u64(load64(a + i + 16) ^ load64(b + i + 16));
    n3 += _mm_popcnt_u64(load64(a + i + 24) ^ load64(b + i + 24));
  }
  for (; i + 8 <= bytes; i += 8) n0 += _mm_popcnt_u64(load64(a + i) ^ load64(b + i));
  n0 += detail::hamming_tail(a, b, i, d_bits);
  return static_cast<uint32_t>(n0 + n1 + n2 + n3);
}

float bits_jaccard(const uint8_t* a, const uint8_t* b, size_t d_bits) {
  const size_t bytes = d_bits / 8;
  uint64_t ab = 0, aa = 0, bb = 0;
  size_t i = 0;
  for (; i + 8 <= bytes; i += 8) {
    const uint64_t x = load64(a + i), y = load64(b + i);
    ab += _mm_popcnt_u64(x & y);
    aa += _mm_popcnt_u64(x);
    bb += _mm_popcnt_u64(y);
  }
  detail::BitCounts c{ab, aa, bb};
  detail::jaccard_tail(a, b, i, d_bits, &c);
  return detail::jaccard_from_counts(c.ab, c.aa, c.bb);
}

uint64_t read_memory(const void* data, size_t bytes) {
  const uint8_t* p = static_cast<const uint8_t*>(data);
  __m256i s0 = _mm256_setzero_si256(), s1 = _mm256_setzero_si256();
  __m256i s2 = _mm256_setzero_si256(), s3 = _mm256_setzero_si256();
  size_t i = 0;
  for (; i + 128 <= bytes; i += 128) {
    s0 = _mm256_add_epi64(s0, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i)));
    s1 = _mm256_add_epi64(s1, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 32)));
    s2 = _mm256_add_epi64(s2, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 64)));
    s3 = _mm256_add_epi64(s3, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 96)));
  }
  const __m256i s = _mm256_add_epi64(_mm256_add_epi64(s0, s1), _mm256_add_epi64(s2, s3));
  uint64_t lanes[4];
  _mm256_storeu_si256(reinterpret_cast<__m256i*>(lanes), s);
  uint64_t total = lanes[0] + lanes[1] + lanes[2] + lanes[3];
  for (; i + 8 <= bytes; i += 8) total += load64(p + i);
  for (; i < bytes; ++i) total += p[i];
  return total;
}

const KernelTable kAvx2Table = {
    SimdLevel::kAvx2,
    l2sq<F32Load>, dot<F32Load>, cosine<F32Load>, l1<F32Load>,
    l2sq<F16Load>, dot<F16Load>, cosine<F16Load>, l1<F16Load>,
    int_dot<I8Widen>, int_l2sq<I8Widen>, int_dot<U8Widen>, int_l2sq<U8Widen>,
    bits_hamming, bits_jaccard,
    read_memory,
};

template <class L>
using RowsL2 = PairK<typename L::T, l2sq<L>, false>;
template <class L>
using RowsNegDot = PairK<typename L::T, dot<L>, true>;
template <class L>
using RowsCosine = CosineK<typename L::T, norm2_fn<L>, dot_norm_fn<L>>;
template <class L>
using RowsL1 = PairK<typename L::T, l1<L>, false>;

const detail::RowKernels kAvx2Rows = {
    {score_rows<RowsL2<F32Load>>, score_rows<RowsNegDot<F32Load>>, score_rows<RowsCosine<F32Load>>, score_rows<RowsL1<F32Load>>},
    {score_rows<RowsL2<F16Load>>, score_rows<RowsNegDot<F16Load>>, score_rows<RowsCosine<F16Load>>, score_rows<RowsL1<F16Load>>},
};

}  // namespace

namespace detail {
const KernelTable* avx2_kernel_table() { return &kAvx2Table; }
const RowKernels* avx2_row_kernels() { return &kAvx2Rows; }
}  // namespace detail

}  // namespace vecgres
