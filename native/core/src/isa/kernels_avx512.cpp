// The AVX-512 level (compiled with -mavx512f -mavx512bw -mavx512vl plus the AVX2 set; chosen
// only when the CPU has F+BW+VL). Tails use masked loads, which never fault on the masked-off
// lanes and load them as zero, so no scalar epilogue is needed. The float kernels also peel
// each row's head with a masked load up to its 64-byte boundary (see F32Load::head), and the
// scans run them through score_rows.h with the kernel inlined.
// The int8/uint8 dot products have a VNNI variant (vpdpbusd) compiled with a per-function
// target attribute, NOT with -mavx512vnni for the file: the compiler may then emit VNNI only
// inside those functions, and avx512_kernel_table(has_vnni) picks them only when CPUID says so.
// Everything lives in an anonymous namespace: see src/half.h on internal linkage.
#if !defined(__x86_64__) && !defined(_M_X64)
#error "kernels_avx512.cpp is x86-64 only"
#endif

#include <immintrin.h>

#include <cstring>

#include "../kernel_common.h"
#include "score_rows.h"
#include "vecgres/kernels.h"

namespace vecgres {
namespace {

inline __mmask16 mask16(size_t n) { return static_cast<__mmask16>((1u << n) - 1u); }         // n < 16
inline __mmask32 mask32(size_t n) { return static_cast<__mmask32>((1ull << n) - 1ull); }     // n < 32
inline __mmask64 mask64(size_t n) { return static_cast<__mmask64>((1ull << n) - 1ull); }     // n < 64

// Loaders of 16 elements. head(b, d) is how many elements of a row at `b` come before its
// next load boundary (64 bytes for floats, 32 for halves: the width of one load), at most d
// and at most 15. Rows are the operand streamed from DRAM: with arenas at arbitrary offsets
// (a plain `new ArrayBuffer` puts data 16 bytes past a page; memory-mapped segments may be
// anywhere) every unpeeled 64-byte load would span two cache lines, which measured 20-35 %
// slower at d=1536 than aligned rows. One masked load of the head makes the rest aligned.
// A row that is not even element-aligned gets no peel (it cannot be aligned).
struct F32Load {
  using T = float;
  static __m512 load(const float* p) { return _mm512_loadu_ps(p); }
  static __m512 load_n(const float* p, size_t n) { return _mm512_maskz_loadu_ps(mask16(n), p); }
  static size_t head(const float* b, size_t d) {
    const uintptr_t p = reinterpret_cast<uintptr_t>(b);
    const size_t h = (p & 3u) != 0 ? 0 : ((64u - (p & 63u)) & 63u) / 4u;
    return h < d ? h : d;
  }
};
struct F16Load {
  using T = uint16_t;
  static __m512 load(const uint16_t* p) {
    return _mm512_cvtph_ps(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p)));
  }
  static __m512 load_n(const uint16_t* p, size_t n) {
    return _mm512_cvtph_ps(_mm256_maskz_loadu_epi16(mask16(n), p));
  }
  static size_t head(const uint16_t* b, size_t d) {
    const uintptr_t p = reinterpret_cast<uintptr_t>(b);
    const size_t h = (p & 1u) != 0 ? 0 : ((32u - (p & 31u)) & 31u) / 2u;
    return h < d ? h : d;
  }
};

inline __m512 abs_ps(__m512 v) {
  return _mm512_castsi512_ps(
      _mm512_and_si512(_mm512_castps_si512(v), _mm512_set1_epi32(0x7fffffff)));
}

struct L2Op {
  static __m512 step(__m512 acc, __m512 x, __m512 y) {
    const __m512 t = _mm512_sub_ps(x, y);
    return _mm512_fmadd_ps(t, t, acc);
  }
};
struct DotOp {
  static __m512 step(__m512 acc, __m512 x, __m512 y) { return _mm512_fmadd_ps(x, y, acc); }
};
struct L1Op {
  static __m512 step(__m512 acc, __m512 x, __m512 y) {
    return _mm512_add_ps(acc, abs_ps(_mm512_sub_ps(x, y)));
  }
};

// a: the query side (small, cache-resident), b: the row side (peeled, then aligned loads).
template <class L, class Op>
inline float reduce(const typename L::T* a, const typename L::T* b, size_t d) {
  __m512 s0 = _mm512_setzero_ps(), s1 = _mm512_setzero_ps();
  __m512 s2 = _mm512_setzero_ps(), s3 = _mm512_setzero_ps();
  const size_t h = L::head(b, d);
  if (h != 0) {
    s3 = Op::step(s3, L::load_n(a, h), L::load_n(b, h));
    a += h;
    b += h;
    d -= h;
  }
  size_t i = 0;
  for (; i + 64 <= d; i += 64) {
    s0 = Op::step(s0, L::load(a + i), L::load(b + i));
    s1 = Op::step(s1, L::load(a + i + 16), L::load(b + i + 16));
    s2 = Op::step(s2, L::load(a + i + 32), L::load(b + i + 32));
    s3 = Op::step(s3, L::load(a + i + 48), L::load(b + i + 48));
  }
  for (; i + 16 <= d; i += 16) s0 = Op::step(s0, L::load(a + i), L::load(b + i));
  if (i < d) s1 = Op::step(s1, L::load_n(a + i, d - i), L::load_n(b + i, d - i));
  return _mm512_reduce_add_ps(_mm512_add_ps(_mm512_add_ps(s0, s1), _mm512_add_ps(s2, s3)));
}

// |a|^2 with no peel: the result depends only on the values, not on where `a` lies, so a
// scan may compute it once for a copy of the query and still match the pairwise kernel.
template <class L>
inline float norm2(const typename L::T* a, size_t d) {
  __m512 s0 = _mm512_setzero_ps(), s1 = _mm512_setzero_ps();
  size_t i = 0;
  for (; i + 32 <= d; i += 32) {
    const __m512 x0 = L::load(a + i), x1 = L::load(a + i + 16);
    s0 = _mm512_fmadd_ps(x0, x0, s0);
    s1 = _mm512_fmadd_ps(x1, x1, s1);
  }
  for (; i < d; i += 16) {
    const __m512 x = i + 16 <= d ? L::load(a + i) : L::load_n(a + i, d - i);
    s0 = _mm512_fmadd_ps(x, x, s0);
  }
  return _mm512_reduce_add_ps(_mm512_add_ps(s0, s1));
}

// a.b, and |b|^2 into *bb; peeled on b like reduce().
template <class L>
inline float dot_norm(const typename L::T* a, const typename L::T* b, size_t d, float* bb) {
  __m512 ab0 = _mm512_setzero_ps(), bb0 = _mm512_setzero_ps();
  __m512 ab1 = _mm512_setzero_ps(), bb1 = _mm512_setzero_ps();
  const size_t h = L::head(b, d);
  if (h != 0) {
    const __m512 x = L::load_n(a, h), y = L::load_n(b, h);
    ab1 = _mm512_fmadd_ps(x, y, ab1);
    bb1 = _mm512_fmadd_ps(y, y, bb1);
    a += h;
    b += h;
    d -= h;
  }
  size_t i = 0;
  for (; i + 32 <= d; i += 32) {
    const __m512 x0 = L::load(a + i), y0 = L::load(b + i);
    const __m512 x1 = L::load(a + i + 16), y1 = L::load(b + i + 16);
    ab0 = _mm512_fmadd_ps(x0, y0, ab0);
    bb0 = _mm512_fmadd_ps(y0, y0, bb0);
    ab1 = _mm512_fmadd_ps(x1, y1, ab1);
    bb1 = _mm512_fmadd_ps(y1, y1, bb1);
  }
  for (; i < d; i += 16) {
    const bool full = i + 16 <= d;
    const __m512 x = full ? L::load(a + i) : L::load_n(a + i, d - i);
    const __m512 y = full ? L::load(b + i) : L::load_n(b + i, d - i);
    ab0 = _mm512_fmadd_ps(x, y, ab0);
    bb0 = _mm512_fmadd_ps(y, y, bb0);
  }
  *bb = _mm512_reduce_add_ps(_mm512_add_ps(bb0, bb1));
  return _mm512_reduce_add_ps(_mm512_add_ps(ab0, ab1));
}

// The named instantiations: the KernelTable's entries and the arguments of score_rows.
template <class L> float l2sq(const typename L::T* a, const typename L::T* b, size_t d) { return reduce<L, L2Op>(a, b, d); }
template <class L> float dot(const typename L::T* a, const typename L::T* b, size_t d) { return reduce<L, DotOp>(a, b, d); }
template <class L> float l1(const typename L::T* a, const typename L::T* b, size_t d) { return reduce<L, L1Op>(a, b, d); }
template <class L> float norm2_fn(const typename L::T* a, size_t d) { return norm2<L>(a, d); }
template <class L> float dot_norm_fn(const typename L::T* a, const typename L::T* b, size_t d, float* bb) { return dot_norm<L>(a, b, d, bb); }

// Same order of operations as the scan's CosineK, so both give the same bits.
template <class L>
float cosine(const typename L::T* a, const typename L::T* b, size_t d) {
  float bb;
  const float ab = dot_norm<L>(a, b, d, &bb);
  return detail::cosine_from_sums(ab, norm2<L>(a, d), bb);
}

// Integers without VNNI: 32 bytes -> 32 x int16, vpmaddwd -> 16 x int32 (exact, see AVX2).
struct I8Widen {
  using T = int8_t;
  static __m512i load(const int8_t* p) {
    return _mm512_cvtepi8_epi16(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p)));
  }
  static __m512i load_n(const int8_t* p, size_t n) { return _mm512_cvtepi8_epi16(_mm256_maskz_loadu_epi8(mask32(n), p)); }
};
struct U8Widen {
  using T = uint8_t;
  static __m512i load(const uint8_t* p) {
    return _mm512_cvtepu8_epi16(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p)));
  }
  static __m512i load_n(const uint8_t* p, size_t n) { return _mm512_cvtepu8_epi16(_mm256_maskz_loadu_epi8(mask32(n), p)); }
};

inline int32_t reduce_epi32(__m512i v) {
  // Added as uint32 so that wrap-around (d > 33,000) is defined and matches the scalar level.
  alignas(64) uint32_t lanes[16];
  _mm512_store_si512(lanes, v);
  uint32_t s = 0;
  for (uint32_t x : lanes) s += x;
  return static_cast<int32_t>(s);
}

template <class W>
int32_t int_dot(const typename W::T* a, const typename W::T* b, size_t d) {
  __m512i s0 = _mm512_setzero_si512(), s1 = _mm512_setzero_si512();
  size_t i = 0;
  for (; i + 64 <= d; i += 64) {
    s0 = _mm512_add_epi32(s0, _mm512_madd_epi16(W::load(a + i), W::load(b + i)));
    s1 = _mm512_add_epi32(s1, _mm512_madd_epi16(W::load(a + i + 32), W::load(b + i + 32)));
  }
  for (; i + 32 <= d; i += 32) s0 = _mm512_add_epi32(s0, _mm512_madd_epi16(W::load(a + i), W::load(b + i)));
  if (i < d) s1 = _mm512_add_epi32(s1, _mm512_madd_epi16(W::load_n(a + i, d - i), W::load_n(b + i, d - i)));
  return reduce_epi32(_mm512_add_epi32(s0, s1));
}

template <class W>
int32_t int_l2sq(const typename W::T* a, const typename W::T* b, size_t d) {
  __m512i s0 = _mm512_setzero_si512(), s1 = _mm512_setzero_si512();
  size_t i = 0;
  for (; i + 64 <= d; i += 64) {
    const __m512i t0 = _mm512_sub_epi16(W::load(a + i), W::load(b + i));
    const __m512i t1 = _mm512_sub_epi16(W::load(a + i + 32), W::load(b + i + 32));
    s0 = _mm512_add_epi32(s0, _mm512_madd_epi16(t0, t0));
    s1 = _mm512_add_epi32(s1, _mm512_madd_epi16(t1, t1));
  }
  for (; i + 32 <= d; i += 32) {
    const __m512i t = _mm512_sub_epi16(W::load(a + i), W::load(b + i));
    s0 = _mm512_add_epi32(s0, _mm512_madd_epi16(t, t));
  }
  if (i < d) {
    const __m512i t = _mm512_sub_epi16(W::load_n(a + i, d - i), W::load_n(b + i, d - i));
    s1 = _mm512_add_epi32(s1, _mm512_madd_epi16(t, t));
  }
  return reduce_epi32(_mm512_add_epi32(s0, s1));
}

// VNNI: vpdpbusd multiplies unsigned bytes by signed bytes, summing 4 products per int32
// lane without saturation. The sign trick turns the other cases into that one:
//   i8 . i8 : (a ^ 0x80) is a + 128 as an unsigned byte, so  a.b = dpbusd(a^0x80, b) - 128*sum(b)
//   u8 . u8 : (b ^ 0x80) is b - 128 as a signed byte,    so  a.b = dpbusd(a, b^0x80) + 128*sum(a)
// and the sums come from dpbusd against a vector of ones. Zeroed tail lanes add 0 to both.
__attribute__((target("avx512vnni"))) int32_t i8_dot_vnni(const int8_t* a, const int8_t* b, size_t d) {
  const __m512i flip = _mm512_set1_epi8(static_cast<char>(0x80));
  const __m512i ones = _mm512_set1_epi8(1);
  __m512i acc = _mm512_setzero_si512(), bsum = _mm512_setzero_si512();
  for (size_t i = 0; i < d; i += 64) {
    const __m512i va = i + 64 <= d ? _mm512_loadu_si512(a + i) : _mm512_maskz_loadu_epi8(mask64(d - i), a + i);
    const __m512i vb = i + 64 <= d ? _mm512_loadu_si512(b + i) : _mm512_maskz_loadu_epi8(mask64(d - i), b + i);
    acc = _mm512_dpbusd_epi32(acc, _mm512_xor_si512(va, flip), vb);
    bsum = _mm512_dpbusd_epi32(bsum, ones, vb);
  }
  const uint32_t r = static_cast<uint32_t>(reduce_epi32(acc)) - 128u * static_cast<uint32_t>(reduce_epi32(bsum));
  return static_cast<int32_t>(r);
}

__attribute__((target("avx512vnni"))) int32_t u8_dot_vnni(const uint8_t* a, const uint8_t* b, size_t d) {
  const __m512i flip = _mm512_set1_epi8(static_cast<char>(0x80));
  const __m512i ones = _mm512_set1_epi8(1);
  __m512i acc = _mm512_setzero_si512(), asum = _mm512_setzero_si512();
  for (size_t i = 0; i < d; i += 64) {
    const __m512i va = i + 64 <= d ? _mm512_loadu_si512(a + i) : _mm512_maskz_loadu_epi8(mask64(d - i), a + i);
    const __m512i vb = i + 64 <= d ? _mm512_loadu_si512(b + i) : _mm512_maskz_loadu_epi8(mask64(d - i), b + i);
    acc = _mm512_dpbusd_epi32(acc, va, _mm512_xor_si512(vb, flip));
    asum = _mm512_dpbusd_epi32(asum, va, ones);
  }
  const uint32_t r = static_cast<uint32_t>(reduce_epi32(acc)) + 128u * static_cast<uint32_t>(reduce_epi32(asum));
  return static_cast<int32_t>(r);
}

// Bits: per-byte popcount by two 4-bit table lookups (vpshufb, AVX512BW), summed per 8 bytes
// with vpsadbw. Works on every AVX-512BW CPU, unlike VPOPCNTDQ.
inline __m512i popcount_bytes(__m512i v) {
  const __m512i lut = _mm512_broadcast_i32x4(_mm_setr_epi8(0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4));
  const __m512i nib = _mm512_set1_epi8(0x0f);
  const __m512i lo = _mm512_and_si512(v, nib);
  const __m512i hi = _mm512_and_si512(_mm512_srli_epi16(v, 4), nib);
  return _mm512_add_epi8(_mm512_shuffle_epi8(lut, lo), _mm512_shuffle_epi8(lut, hi));
}
inline __m512i add_popcount(__m512i acc, __m512i v) {
  return _mm512_add_epi64(acc, _mm512_sad_epu8(popcount_bytes(v), _mm512_setzero_si512()));
}

inline __m512i load_bytes(const uint8_t* p, size_t n) {
  return n >= 64 ? _mm512_loadu_si512(p) : _mm512_maskz_loadu_epi8(mask64(n), p);
}

uint32_t bits_hamming(const uint8_t* a, const uint8_t* b, size_t d_bits) {
  const size_t bytes = d_bits / 8;
  __m512i acc = _mm512_setzero_si512();
  for (size_t i = 0; i < bytes; i += 64) {
    acc = add_popcount(acc, _mm512_xor_si512(load_bytes(a + i, bytes - i), load_bytes(b + i, bytes - i)));
  }
  uint64_t n = static_cast<uint64_t>(_mm512_reduce_add_epi64(acc));
  n += detail::hamming_tail(a, b, bytes, d_bits);
  return static_cast<uint32_t>(n);
}

float bits_jaccard(const uint8_t* a, const uint8_t* b, size_t d_bits) {
  const size_t bytes = d_bits / 8;
  __m512i ab = _mm512_setzero_si512(), aa = _mm512_setzero_si512(), bb = _mm512_setzero_si512();
  for (size_t i = 0; i < bytes; i += 64) {
    const __m512i x = load_bytes(a + i, bytes - i), y = load_bytes(b + i, bytes - i);
    ab = add_popcount(ab, _mm512_and_si512(x, y));
    aa = add_popcount(aa, x);
    bb = add_popcount(bb, y);
  }
  detail::BitCounts c{static_cast<uint64_t>(_mm512_reduce_add_epi64(ab)),
                      static_cast<uint64_t>(_mm512_reduce_add_epi64(aa)),
                      static_cast<uint64_t>(_mm512_reduce_add_epi64(bb))};
  detail::jaccard_tail(a, b, bytes, d_bits, &c);
  return detail::jaccard_from_counts(c.ab, c.aa, c.bb);
}

uint64_t read_memory(const void* data, size_t bytes) {
  const uint8_t* p = static_cast<const uint8_t*>(data);
  __m512i s0 = _mm512_setzero_si512(), s1 = _mm512_setzero_si512();
  __m512i s2 = _mm512_setzero_si512(), s3 = _mm512_setzero_si512();
  // Like the float kernels, the stream is read with 64-byte-aligned loads: the words before
  // the first 64-byte boundary are added one by one. Only when `data` is 8-byte aligned, so
  // the words summed (and so the checksum) stay the ones every level sums.
  uint64_t head = 0;
  size_t i = 0;
  const uintptr_t addr = reinterpret_cast<uintptr_t>(p);
  if ((addr & 7u) == 0) {
    const size_t peel = (64u - (addr & 63u)) & 63u;
    for (; i + 8 <= peel && i + 8 <= bytes; i += 8) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      head += w;
    }
  }
  for (; i + 256 <= bytes; i += 256) {
    s0 = _mm512_add_epi64(s0, _mm512_loadu_si512(p + i));
    s1 = _mm512_add_epi64(s1, _mm512_loadu_si512(p + i + 64));
    s2 = _mm512_add_epi64(s2, _mm512_loadu_si512(p + i + 128));
    s3 = _mm512_add_epi64(s3, _mm512_loadu_si512(p + i + 192));
  }
  // Lanes summed as uint64 (wrapping by definition): GCC's _mm512_reduce_add_epi64 adds them
  // as signed long long, which UBSan rightly flags for a checksum that overflows.
  alignas(64) uint64_t lanes[8];
  _mm512_store_si512(lanes, _mm512_add_epi64(_mm512_add_epi64(s0, s1), _mm512_add_epi64(s2, s3)));
  uint64_t total = head;
  for (uint64_t lane : lanes) total += lane;
  for (; i + 8 <= bytes; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    total += w;
  }
  for (; i < bytes; ++i) total += p[i];
  return total;
}

#define VECGRES_AVX512_TABLE(i8dot, u8dot)                                  \
  {                                                                         \
    SimdLevel::kAvx512,                                                     \
    l2sq<F32Load>, dot<F32Load>, cosine<F32Load>, l1<F32Load>,              \
    l2sq<F16Load>, dot<F16Load>, cosine<F16Load>, l1<F16Load>,              \
    i8dot, int_l2sq<I8Widen>, u8dot, int_l2sq<U8Widen>,                     \
    bits_hamming, bits_jaccard,                                             \
    read_memory,                                                            \
  }

const KernelTable kAvx512Table = VECGRES_AVX512_TABLE(int_dot<I8Widen>, int_dot<U8Widen>);
const KernelTable kAvx512VnniTable = VECGRES_AVX512_TABLE(i8_dot_vnni, u8_dot_vnni);

#undef VECGRES_AVX512_TABLE

template <class L>
using RowsL2 = PairK<typename L::T, l2sq<L>, false>;
template <class L>
using RowsNegDot = PairK<typename L::T, dot<L>, true>;
template <class L>
using RowsCosine = CosineK<typename L::T, norm2_fn<L>, dot_norm_fn<L>>;
template <class L>
using RowsL1 = PairK<typename L::T, l1<L>, false>;

const detail::RowKernels kAvx512Rows = {
    {score_rows<RowsL2<F32Load>>, score_rows<RowsNegDot<F32Load>>, score_rows<RowsCosine<F32Load>>, score_rows<RowsL1<F32Load>>},
    {score_rows<RowsL2<F16Load>>, score_rows<RowsNegDot<F16Load>>, score_rows<RowsCosine<F16Load>>, score_rows<RowsL1<F16Load>>},
};

}  // namespace

namespace detail {
const KernelTable* avx512_kernel_table(bool has_vnni) { return has_vnni ? &kAvx512VnniTable : &kAvx512Table; }
const RowKernels* avx512_row_kernels() { return &kAvx512Rows; }
}  // namespace detail

}  // namespace vecgres
