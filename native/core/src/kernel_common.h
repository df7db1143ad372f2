// Finishing steps shared by every SIMD level, so that all levels apply pgvector's rules
// identically once the per-ISA loops have produced their sums.
//
// `static inline` throughout: see half.h for why nothing here may have external linkage.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>

#include "vecgres/kernels.h"

namespace vecgres {
namespace detail {

// pgvector vector.c cosine_distance: the similarity is computed in double from float sums
// as dot / sqrt(|a|^2 |b|^2) (one sqrt of the product, not a product of sqrts), clamped to
// [-1, 1], and the distance is 1 - similarity. A zero norm gives 0/0 = NaN, which the clamp
// comparisons leave untouched.
static inline float cosine_from_sums(float dot, float norm_a, float norm_b) {
  double sim = static_cast<double>(dot) /
               std::sqrt(static_cast<double>(norm_a) * static_cast<double>(norm_b));
  if (sim > 1.0) {
    sim = 1.0;
  } else if (sim < -1.0) {
    sim = -1.0;
  }
  return static_cast<float>(1.0 - sim);
}

// pgvector bitvector.c BitJaccardDistance: 1 when the intersection is empty (this covers two
// all-zero vectors, where the ratio would be 0/0), else 1 - |a&b| / |a|b|.
static inline float jaccard_from_counts(uint64_t ab, uint64_t aa, uint64_t bb) {
  if (ab == 0) return 1.0f;
  return static_cast<float>(1.0 - static_cast<double>(ab) / static_cast<double>(aa + bb - ab));
}

// Bits are packed MSB-first (bit i of the vector is bit 7 - i%8 of byte i/8). When d_bits is
// not a multiple of 8 only the top (d_bits % 8) bits of the last byte belong to the vector;
// this mask keeps those. The whole bytes are d_bits / 8.
static inline uint8_t tail_bits_mask(size_t d_bits) {
  const unsigned rem = static_cast<unsigned>(d_bits & 7u);
  return rem == 0 ? 0 : static_cast<uint8_t>(0xffu << (8u - rem));
}

static inline unsigned popcount8(uint8_t x) {
  unsigned n = 0;
  for (; x != 0; x = static_cast<uint8_t>(x & (x - 1))) ++n;
  return n;
}

// The scalar tails every ISA's bit kernels share: bytes [from, d_bits / 8) one at a time, then
// the masked partial last byte. The vector loops stop at `from`; at most a few bytes remain.
static inline uint64_t hamming_tail(const uint8_t* a, const uint8_t* b, size_t from, size_t d_bits) {
  const size_t bytes = d_bits / 8;
  uint64_t n = 0;
  for (size_t i = from; i < bytes; ++i) n += popcount8(static_cast<uint8_t>(a[i] ^ b[i]));
  const uint8_t mask = tail_bits_mask(d_bits);
  if (mask != 0) n += popcount8(static_cast<uint8_t>((a[bytes] ^ b[bytes]) & mask));
  return n;
}

struct BitCounts {
  uint64_t ab = 0, aa = 0, bb = 0;  // |a & b|, |a|, |b|
};

static inline void jaccard_tail(const uint8_t* a, const uint8_t* b, size_t from, size_t d_bits, BitCounts* c) {
  const size_t bytes = d_bits / 8;
  const uint8_t mask = tail_bits_mask(d_bits);
  const size_t end = mask != 0 ? bytes + 1 : bytes;
  for (size_t i = from; i < end; ++i) {
    const uint8_t m = i < bytes ? 0xffu : mask;
    const uint8_t x = static_cast<uint8_t>(a[i] & m), y = static_cast<uint8_t>(b[i] & m);
    c->ab += popcount8(static_cast<uint8_t>(x & y));
    c->aa += popcount8(x);
    c->bb += popcount8(y);
  }
}

// A block of rows for a ScoreRowsFn: scan indices [begin, end) of the rows at
// arena + (ids ? ids[j] : j) * stride (ids: uint32[limit], or null for rows 0..limit-1).
// Rows [end, limit) may be prefetched when `prefetch` is set (the first query of a block:
// later queries find the block in cache).
struct RowBatch {
  const uint8_t* arena;
  size_t stride;
  const uint32_t* ids;
  size_t begin, end, limit;
  bool prefetch;
};

// Scores one query (dim elements, packed) against the rows of a batch:
// out: float[end - begin], the distance as the scan ranks it (smaller is nearer).
using ScoreRowsFn = void (*)(const void* query, const RowBatch& batch, size_t dim, float* out);

// A level's row-batch loops for the float types, indexed by scan.h's Metric value
// (0 kL2Sq, 1 kNegDot, 2 kCosine, 3 kL1). Each gives exactly what the level's KernelTable
// gives row by row; they exist so the kernel is inlined into the row loop, per-query data
// (the query's norm) is computed once, and the query can be placed for aligned loads.
struct RowKernels {
  ScoreRowsFn f32[4];
  ScoreRowsFn f16[4];
};

// The per-level row loops (src/isa/*); nullptr when that code was not compiled here.
// Levels without them (scalar, neon) scan through their KernelTable row by row.
const RowKernels* avx2_row_kernels();
const RowKernels* avx512_row_kernels();

// The per-level tables, each defined in its own translation unit (kernels_scalar.cpp and
// src/isa/*). They return nullptr when that code was not compiled for this architecture.
const KernelTable* scalar_kernel_table();
const KernelTable* avx2_kernel_table();
const KernelTable* avx512_kernel_table(bool has_vnni);
const KernelTable* neon_kernel_table();

}  // namespace detail
}  // namespace vecgres
