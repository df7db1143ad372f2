// Batched scans: nq queries against the rows of one contiguous arena, in one call.
// These are the only entry points the addon uses for O(n) distance work; they run on a
// libuv worker thread and poll `stop` so a CancelRequest can interrupt them.
#pragma once

#include <cstddef>
#include <cstdint>

#include "vecgres/kernels.h"
#include "vecgres/status.h"

namespace vecgres {

enum class ElemType : int { kF32 = 0, kF16 = 1, kI8 = 2, kU8 = 3, kBits = 4 };

// The value a scan ranks by: smaller is nearer for every metric.
//   kL2Sq -> squared L2; kNegDot -> -dot (pgvector's <#>); kCosine -> cosine distance;
//   kL1 -> L1; kHamming -> Hamming count (as float); kJaccard -> Jaccard distance.
// Valid pairs: kF32/kF16 with kL2Sq, kNegDot, kCosine, kL1; kI8/kU8 with kL2Sq, kNegDot
// (exact int32 sums, then converted to float); kBits with kHamming, kJaccard. Any other pair
// is kInvalidArgument.
enum class Metric : int { kL2Sq = 0, kNegDot = 1, kCosine = 2, kL1 = 3, kHamming = 4, kJaccard = 5 };

struct ScanArgs {
  ElemType type = ElemType::kF32;
  Metric metric = Metric::kL2Sq;
  size_t dim = 0;                 // elements per row (bits for kBits)
  const void* queries = nullptr;  // nq rows, packed (same element type and row size as arena)
  size_t nq = 1;
  const void* arena = nullptr;    // n_rows rows
  size_t n_rows = 0;
  size_t row_stride = 0;          // bytes between row starts; 0 = packed (row size in bytes)
  const uint32_t* ids = nullptr;  // optional: scan only these row ids (each < n_rows)
  size_t n_ids = 0;
  const volatile int32_t* stop = nullptr;  // optional: nonzero -> return kCancelled
};

// Row size in bytes of one packed row of `type` with `dim` elements (bits rounded up to bytes).
size_t row_bytes(ElemType type, size_t dim);

// Both scans: arguments are validated first (kInvalidArgument with a static message: unknown
// type/metric or a pair above that does not apply, dim 0 or > 2^24, row_stride < row size,
// null arena or queries or outputs when they would be read/written, n_ids without ids, an
// id >= n_rows; scan_topk also n_rows > 0xFFFFFFFF without ids, since row ids are uint32);
// then a set stop flag gives kCancelled, before any row and once per block of <= 4096 rows.
// Row pointers need no alignment. On an error the outputs hold unspecified partial results.

// Distances of every scanned row to every query.
// out: float[nq * m], m = (ids ? n_ids : n_rows); out[q*m + j] = distance(query q, row j-th scanned).
Status scan_distances(const KernelTable& kt, const ScanArgs& args, float* out);

// Exact top-k per query with a bounded heap, ties broken by the smaller row id.
// out_ids: uint32[nq * k], out_dists: float[nq * k], out_counts: uint32[nq] (min(k, m)); results
// sorted nearest first; unused slots are id 0xFFFFFFFF, distance +inf. NaN distances rank last.
// out_ids are arena row ids (ids[j] when an ids list is given, not j). k = 0 writes only
// out_counts (zeros); out_ids/out_dists may then be null.
Status scan_topk(const KernelTable& kt, const ScanArgs& args, size_t k, uint32_t* out_ids,
                 float* out_dists, uint32_t* out_counts);

}  // namespace vecgres

namespace vecgres {

// A plain sequential read of `bytes` bytes (vector loads at the active level, summed so the
// compiler cannot drop them). Used by tools/bench to measure the memory bandwidth that the
// scans are compared against. Returns a checksum of what was read.
uint64_t read_memory(const KernelTable& kt, const void* data, size_t bytes);

}  // namespace vecgres
