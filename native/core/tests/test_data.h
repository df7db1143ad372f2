// Seeded data builders and independent reference computations for the core tests.
// References here are written straight from the definitions (double sums, bit-by-bit loops)
// and share no code with the kernels they check.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>
#include <vector>

namespace vt {

// Dimensions from the brief: tails around every vector width (4, 8, 16, 32, 64 lanes).
inline const std::vector<size_t>& test_dims() {
  static const std::vector<size_t> dims = {1, 2, 3, 7, 8, 15, 16, 17, 31, 33, 100, 127, 128, 129, 768, 1536};
  return dims;
}

// Every generator takes its own seed so a failing case can be reproduced alone.
inline std::vector<float> random_floats(size_t n, uint32_t seed, float lo = -1.0f, float hi = 1.0f) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> dist(lo, hi);
  std::vector<float> v(n);
  for (float& x : v) x = dist(rng);
  return v;
}

// Random finite halves of moderate magnitude (exponent field 10..17, i.e. about 2^-5..2^3,
// with random sign and mantissa) so sums stay well conditioned.
inline std::vector<uint16_t> random_halves(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<uint16_t> v(n);
  for (uint16_t& h : v) {
    const uint32_t r = rng();
    const uint32_t sign = (r >> 31) & 1u, exp = 10u + ((r >> 16) & 7u), mant = r & 0x3ffu;
    h = static_cast<uint16_t>((sign << 15) | (exp << 10) | mant);
  }
  return v;
}

template <typename T>
std::vector<T> random_ints(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<T> v(n);
  for (T& x : v) x = static_cast<T>(rng() & 0xffu);  // the whole byte range, incl. -128 / 255
  return v;
}

// IEEE binary16 -> double from the definition (independent of src/half.h).
inline double half_reference(uint16_t h) {
  const int sign = (h >> 15) & 1, exp = (h >> 10) & 0x1f, mant = h & 0x3ff;
  double mag;
  if (exp == 0) {
    mag = std::ldexp(static_cast<double>(mant), -24);
  } else if (exp == 31) {
    mag = mant == 0 ? INFINITY : NAN;
  } else {
    mag = std::ldexp(static_cast<double>(1024 + mant), exp - 25);
  }
  return sign ? -mag : mag;
}

// Bit i of a packed MSB-first bit vector (pgvector's bit type).
inline bool bit_at(const uint8_t* p, size_t i) { return (p[i / 8] >> (7 - i % 8)) & 1u; }

inline uint32_t hamming_reference(const uint8_t* a, const uint8_t* b, size_t d_bits) {
  uint32_t n = 0;
  for (size_t i = 0; i < d_bits; ++i) n += bit_at(a, i) != bit_at(b, i);
  return n;
}

inline float jaccard_reference(const uint8_t* a, const uint8_t* b, size_t d_bits) {
  uint64_t ab = 0, aa = 0, bb = 0;
  for (size_t i = 0; i < d_bits; ++i) {
    ab += bit_at(a, i) && bit_at(b, i);
    aa += bit_at(a, i);
    bb += bit_at(b, i);
  }
  if (ab == 0) return 1.0f;
  return static_cast<float>(1.0 - static_cast<double>(ab) / static_cast<double>(aa + bb - ab));
}

// Byte offsets from a 64-byte boundary at which misaligned-row tests place their data: 4 and
// 36 split every 64-byte load across two cache lines at a different phase each, 16 is where a
// large `new ArrayBuffer` puts its data with glibc (16 bytes past a page).
inline const std::vector<size_t>& misaligned_offsets() {
  static const std::vector<size_t> offs = {0, 4, 16, 36};
  return offs;
}

// A copy of `bytes` bytes of `src` placed exactly `offset` bytes past a 64-byte boundary
// inside `storage` (which it resizes); returns the copy's address.
inline uint8_t* place_at_offset(std::vector<uint8_t>& storage, const void* src, size_t bytes, size_t offset) {
  storage.assign(bytes + 64 + offset, 0);
  uint8_t* base = storage.data();
  base += (64 - (reinterpret_cast<uintptr_t>(base) & 63u)) & 63u;
  std::memcpy(base + offset, src, bytes);
  return base + offset;
}

// Tolerance for float kernels: |x - y| <= 1e-5 * max(1, |y|). Relative for large values;
// absolute 1e-5 near zero, where a relative bound is meaningless (a cosine distance of two
// nearly parallel vectors, or a dot product of random signs that cancels). Different
// summation orders in float differ by about sqrt(d) * 2^-24 * (size of the partial sums),
// ~1e-6 relative for d = 1536 and inputs in [-1, 1]: 1e-5 leaves margin without hiding a
// wrong lane or a dropped tail element (those are off by ~1e-1).
inline bool close(float x, float y) {
  if (std::isnan(x) || std::isnan(y)) return std::isnan(x) && std::isnan(y);
  if (std::isinf(x) || std::isinf(y)) return x == y;
  const double scale = std::fabs(y) > 1.0 ? std::fabs(y) : 1.0;
  return std::fabs(static_cast<double>(x) - y) <= 1e-5 * scale;
}

}  // namespace vt
