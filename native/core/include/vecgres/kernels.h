// Pairwise distance kernels, one table per SIMD level. Every level computes the same
// function as the scalar reference (floats within 1e-5 relative, integers and bits exactly).
//
// Conventions (all pointers unaligned-safe; `d` is the number of elements, or of BITS for the
// bit kernels, whose inputs are packed MSB-first bytes as pgvector's bit type stores them):
//   *_l2sq   : sum (a_i - b_i)^2                      (squared Euclidean)
//   *_dot    : sum a_i * b_i                          (raw inner product, not negated)
//   *_cosine : 1 - dot / sqrt(|a|^2 |b|^2), similarity clamped to [-1, 1]; NaN if a norm is 0
//   *_l1     : sum |a_i - b_i|
//   f16 inputs are IEEE-754 binary16 bit patterns (uint16_t), as pgvector's halfvec.
//   i8/u8 results are exact integers (int32 holds them for d <= 33,000).
//   bits_hamming: popcount(a xor b); bits_jaccard: 1 - popcount(a and b) / popcount(a or b),
//   = 1 when a and b share no set bit (pgvector's rule; covers two all-zero vectors). Bits past
//   d_bits in the last byte are ignored (masked), whatever they hold.
#pragma once

#include <cstddef>
#include <cstdint>

#include "vecgres/simd_level.h"

namespace vecgres {

struct KernelTable {
  SimdLevel level;

  float (*f32_l2sq)(const float* a, const float* b, size_t d);
  float (*f32_dot)(const float* a, const float* b, size_t d);
  float (*f32_cosine)(const float* a, const float* b, size_t d);
  float (*f32_l1)(const float* a, const float* b, size_t d);

  float (*f16_l2sq)(const uint16_t* a, const uint16_t* b, size_t d);
  float (*f16_dot)(const uint16_t* a, const uint16_t* b, size_t d);
  float (*f16_cosine)(const uint16_t* a, const uint16_t* b, size_t d);
  float (*f16_l1)(const uint16_t* a, const uint16_t* b, size_t d);

  int32_t (*i8_dot)(const int8_t* a, const int8_t* b, size_t d);
  int32_t (*i8_l2sq)(const int8_t* a, const int8_t* b, size_t d);
  int32_t (*u8_dot)(const uint8_t* a, const uint8_t* b, size_t d);
  int32_t (*u8_l2sq)(const uint8_t* a, const uint8_t* b, size_t d);

  uint32_t (*bits_hamming)(const uint8_t* a, const uint8_t* b, size_t d_bits);
  float (*bits_jaccard)(const uint8_t* a, const uint8_t* b, size_t d_bits);

  // Sequential read of `bytes` bytes with this level's widest loads; returns the sum of the
  // little-endian uint64 words (plus the trailing bytes as values), identical at every level.
  // Use the read_memory() wrapper in scan.h.
  uint64_t (*read_memory)(const void* data, size_t bytes);
};

// The table for `level`, or nullptr when that level is not available here.
const KernelTable* kernel_table(SimdLevel level);

// The table chosen once (first call; immutable afterwards): VECGRES_SIMD_LEVEL if set and
// available, else the best level.
const KernelTable& active_kernels();

// True when VECGRES_SIMD_LEVEL named a level that cannot run here (not compiled in, not
// supported by this CPU, or an unknown name): active_kernels() then fell back to the best
// available level. The TS layer reports it. Calls active_kernels() first.
bool forced_level_unavailable();

}  // namespace vecgres
