// The scalar level: plain loops that every SIMD level is tested against. Float sums run in
// one float accumulator in element order, like pgvector's C loops; integer sums are exact.
// Compiled with baseline flags only, so it runs on any CPU of the architecture.
#include <cstring>

#include "half.h"
#include "kernel_common.h"
#include "vecgres/kernels.h"

namespace vecgres {
namespace {

// Loading through memcpy keeps element access well-defined for pointers that are not
// naturally aligned (rows at odd strides inside an arena).
template <typename T>
inline T load_elem(const T* p, size_t i) {
  T v;
  std::memcpy(&v, p + i, sizeof v);
  return v;
}

struct F32Elem {
  using T = float;
  static float get(const float* p, size_t i) { return load_elem(p, i); }
};
struct F16Elem {
  using T = uint16_t;
  static float get(const uint16_t* p, size_t i) { return detail::half_to_float(load_elem(p, i)); }
};

template <class E>
float l2sq(const typename E::T* a, const typename E::T* b, size_t d) {
  float s = 0.0f;
  for (size_t i = 0; i < d; ++i) {
    const float t = E::get(a, i) - E::get(b, i);
    s += t * t;
  }
  return s;
}

template <class E>
float dot(const typename E::T* a, const typename E::T* b, size_t d) {
  float s = 0.0f;
  for (size_t i = 0; i < d; ++i) s += E::get(a, i) * E::get(b, i);
  return s;
}

template <class E>
float cosine(const typename E::T* a, const typename E::T* b, size_t d) {
  float ab = 0.0f, aa = 0.0f, bb = 0.0f;
  for (size_t i = 0; i < d; ++i) {
    const float x = E::get(a, i), y = E::get(b, i);
    ab += x * y;
    aa += x * x;
    bb += y * y;
  }
  return detail::cosine_from_sums(ab, aa, bb);
}

template <class E>
float l1(const typename E::T* a, const typename E::T* b, size_t d) {
  float s = 0.0f;
  for (size_t i = 0; i < d; ++i) {
    const float t = E::get(a, i) - E::get(b, i);
    s += t < 0.0f ? -t : t;
  }
  return s;
}

// Integer sums run in 64 bits and are narrowed at the end: for d <= 33,000 the value fits
// int32 exactly; beyond that the result wraps modulo 2^32 exactly as the SIMD levels' int32
// lanes do, instead of being undefined signed overflow.
template <typename T>
int32_t int_dot(const T* a, const T* b, size_t d) {
  int64_t s = 0;
  for (size_t i = 0; i < d; ++i) s += static_cast<int64_t>(a[i]) * static_cast<int64_t>(b[i]);
  return static_cast<int32_t>(static_cast<uint32_t>(s));
}

template <typename T>
int32_t int_l2sq(const T* a, const T* b, size_t d) {
  int64_t s = 0;
  for (size_t i = 0; i < d; ++i) {
    const int64_t t = static_cast<int64_t>(a[i]) - static_cast<int64_t>(b[i]);
    s += t * t;
  }
  return static_cast<int32_t>(static_cast<uint32_t>(s));
}

uint64_t popcount64(uint64_t x) { return static_cast<uint64_t>(__builtin_popcountll(x)); }

uint32_t bits_hamming(const uint8_t* a, const uint8_t* b, size_t d_bits) {
  const size_t bytes = d_bits / 8;
  uint64_t n = 0;
  size_t i = 0;
  for (; i + 8 <= bytes; i += 8) {
    uint64_t x, y;
    std::memcpy(&x, a + i, 8);
    std::memcpy(&y, b + i, 8);
    n += popcount64(x ^ y);
  }
  n += detail::hamming_tail(a, b, i, d_bits);
  return static_cast<uint32_t>(n);
}

float bits_jaccard(const uint8_t* a, const uint8_t* b, size_t d_bits) {
  const size_t bytes = d_bits / 8;
  uint64_t ab = 0, aa = 0, bb = 0;
  size_t i = 0;
  for (; i + 8 <= bytes; i += 8) {
    uint64_t x, y;
    std::memcpy(&x, a + i, 8);
    std::memcpy(&y, b + i, 8);
    ab += popcount64(x & y);
    aa += popcount64(x);
    bb += popcount64(y);
  }
  detail::BitCounts c{ab, aa, bb};
  detail::jaccard_tail(a, b, i, d_bits, &c);
  return detail::jaccard_from_counts(c.ab, c.aa, c.bb);
}

uint64_t read_memory(const void* data, size_t bytes) {
  const uint8_t* p = static_cast<const uint8_t*>(data);
  uint64_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  size_t i = 0;
  for (; i + 32 <= bytes; i += 32) {
    uint64_t w[4];
    std::memcpy(w, p + i, 32);
    s0 += w[0];
    s1 += w[1];
    s2 += w[2];
    s3 += w[3];
  }
  for (; i + 8 <= bytes; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    s0 += w;
  }
  for (; i < bytes; ++i) s0 += p[i];
  return s0 + s1 + s2 + s3;
}

const KernelTable kScalarTable = {
    SimdLevel::kScalar,
    l2sq<F32Elem>, dot<F32Elem>, cosine<F32Elem>, l1<F32Elem>,
    l2sq<F16Elem>, dot<F16Elem>, cosine<F16Elem>, l1<F16Elem>,
    int_dot<int8_t>, int_l2sq<int8_t>, int_dot<uint8_t>, int_l2sq<uint8_t>,
    bits_hamming, bits_jaccard,
    read_memory,
};

}  // namespace

namespace detail {
const KernelTable* scalar_kernel_table() { return &kScalarTable; }
}  // namespace detail

}  // namespace vecgres
