// The scan's inner loop, instantiated once per ISA translation unit with that unit's kernels
// inlined (scan.cpp calls one ScoreRowsFn per query and row block instead of one kernel
// pointer per row; see kernel_common.h for RowBatch).
//
// A kernel K used here provides:
//   using T;                                   element type of queries and rows
//   using Prep;                                per-query data computed once per call
//   static Prep prepare(const T* q, size_t d); e.g. |q|^2 for cosine
//   static float dist(const T* q, const T* row, size_t d, const Prep&);   "smaller is nearer"
// and must give bit for bit what the level's pairwise kernel gives for (q, row), so that a
// scan and a loop over the KernelTable agree exactly (scan_test.cpp checks that).
//
// Only included by src/isa/*.cpp, inside their anonymous namespace use: everything here has
// internal linkage (see src/half.h on why nothing compiled with ISA flags may be shared).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "../kernel_common.h"

namespace vecgres {
namespace {

constexpr size_t kIdsPrefetchRows = 4;  // ids path: how far ahead to prefetch (random access)
constexpr size_t kSeqPrefetchRows = 2;  // sequential path: a few percent on a 1 GiB stream
// Queries up to this size are copied so that they share the rows' offset modulo 64 bytes
// (see score_rows); larger ones are read in place.
constexpr size_t kQueryCopyBytes = 8192;

inline void prefetch_row(const uint8_t* p, size_t bytes) {
  for (size_t off = 0; off < bytes; off += 64) __builtin_prefetch(p + off, 0, 3);
}

// out: float[b.end - b.begin]; out[j - b.begin] = K::dist(query, row of scan index j).
template <class K>
void score_rows(const void* query, const detail::RowBatch& b, size_t dim, float* out) {
  using T = typename K::T;
  const size_t rb = dim * sizeof(T);
  const T* q = static_cast<const T*>(query);
  // The kernels peel each row's head up to its next 64-byte boundary, so the row side (the
  // stream from DRAM) is loaded aligned. When every row has the same offset modulo 64 (the
  // stride is a multiple of 64), the query is copied to that same offset too: its loads are
  // then aligned as well, instead of each splitting across two L1 lines. The values, and so
  // the results, are unchanged (the kernels' peel depends only on the row address).
  alignas(64) uint8_t qbuf[kQueryCopyBytes + 64];
  if (b.stride % 64 == 0 && rb <= kQueryCopyBytes) {
    const size_t mis = reinterpret_cast<uintptr_t>(b.arena) & 63u;
    if (mis != (reinterpret_cast<uintptr_t>(query) & 63u)) {
      std::memcpy(qbuf + mis, query, rb);
      q = reinterpret_cast<const T*>(qbuf + mis);
    }
  }
  const typename K::Prep prep = K::prepare(q, dim);
  if (b.ids != nullptr) {
    for (size_t j = b.begin; j < b.end; ++j) {
      if (b.prefetch && j + kIdsPrefetchRows < b.limit) {
        prefetch_row(b.arena + static_cast<size_t>(b.ids[j + kIdsPrefetchRows]) * b.stride, rb);
      }
      const T* row = reinterpret_cast<const T*>(b.arena + static_cast<size_t>(b.ids[j]) * b.stride);
      out[j - b.begin] = K::dist(q, row, dim, prep);
    }
    return;
  }
  for (size_t j = b.begin; j < b.end; ++j) {
    if (b.prefetch && j + kSeqPrefetchRows < b.limit) prefetch_row(b.arena + (j + kSeqPrefetchRows) * b.stride, rb);
    out[j - b.begin] = K::dist(q, reinterpret_cast<const T*>(b.arena + j * b.stride), dim, prep);
  }
}

// Adapters from a level's pairwise kernels to the K interface above.
struct NoPrep {};

// Single-sum metrics; kNegate turns a dot product into pgvector's <#> (smaller is nearer).
template <typename E, float (*Fn)(const E*, const E*, size_t), bool kNegate>
struct PairK {
  using T = E;
  using Prep = NoPrep;
  static Prep prepare(const T*, size_t) { return {}; }
  static float dist(const T* q, const T* row, size_t d, const Prep&) {
    const float v = Fn(q, row, d);
    return kNegate ? -v : v;
  }
};

// Cosine with |q|^2 computed once per call: the row loop accumulates only q.row and |row|^2.
// Norm(a, d) = |a|^2; DotNorm(a, b, d, &bb) = a.b and sets bb = |b|^2.
template <typename E, float (*Norm)(const E*, size_t), float (*DotNorm)(const E*, const E*, size_t, float*)>
struct CosineK {
  using T = E;
  using Prep = float;
  static Prep prepare(const T* q, size_t d) { return Norm(q, d); }
  static float dist(const T* q, const T* row, size_t d, const Prep& qq) {
    float rr;
    const float dot = DotNorm(q, row, d, &rr);
    return detail::cosine_from_sums(dot, qq, rr);
  }
};

}  // namespace
}  // namespace vecgres
