// Batched brute-force scans (scan.h): nq queries against an arena of rows, distances or
// exact top-k. Structure, for speed over arenas far larger than cache:
//   * float rows (f32, f16) at the x86 levels go through the level's ScoreRowsFn
//     (src/isa/score_rows.h): one call per query and block, the kernel inlined into the row
//     loop, per-query data (the cosine's |q|^2) computed once, rows' heads peeled to 64-byte
//     boundaries so the streamed loads are aligned whatever the arena's offset;
//   * otherwise the kernel is resolved once per call into a small functor; the row loop is a
//     template instantiated per (functor, output, ids-or-not), so no per-row switch;
//   * rows are processed in blocks of ~128 KiB; all queries run over a block while it is in
//     cache, so the arena streams from memory once whatever nq is; the stop flag is polled
//     once per block (at most 4096 rows);
//   * rows are software-prefetched a few rows ahead: essential with an ids list (random access
//     defeats the hardware prefetcher); on a sequential stream it measured a few percent
//     (1 GiB, d=768, 1 core: ~87-90% of read_memory bandwidth with it, ~77-87% without);
//   * top-k keeps a bounded max-heap per query in the caller's output slots; a row costs two
//     float comparisons unless it beats the current k-th.
#include "vecgres/scan.h"

#include <limits>

#include "kernel_common.h"
#include "topk_heap.h"

namespace vecgres {
namespace {

constexpr size_t kMaxDim = size_t{1} << 24;        // far above any real vector type
constexpr size_t kBlockBytes = size_t{128} << 10;  // rows per block: L2-resident with queries
constexpr size_t kMaxBlockRows = 4096;             // bounds the stop-flag polling interval
constexpr size_t kPrefetchRows = 4;                // ids path: how far ahead to prefetch
constexpr size_t kPrefetchSeqRows = 2;             // sequential path: see the header comment
constexpr uint32_t kNoId = 0xFFFFFFFFu;

struct Layout {
  size_t rb = 0;      // bytes of one packed row (and of one query)
  size_t stride = 0;  // bytes between arena rows
  size_t m = 0;       // rows scanned (n_ids or n_rows)
  size_t block = 1;   // rows per block
};

bool metric_applies(ElemType type, Metric metric) {
  switch (type) {
    case ElemType::kF32:
    case ElemType::kF16:
      return metric == Metric::kL2Sq || metric == Metric::kNegDot || metric == Metric::kCosine ||
             metric == Metric::kL1;
    case ElemType::kI8:
    case ElemType::kU8:
      return metric == Metric::kL2Sq || metric == Metric::kNegDot;
    case ElemType::kBits:
      return metric == Metric::kHamming || metric == Metric::kJaccard;
  }
  return false;
}

Status validate(const ScanArgs& a, Layout* out) {
  const int type = static_cast<int>(a.type), metric = static_cast<int>(a.metric);
  if (type < 0 || type > static_cast<int>(ElemType::kBits)) return Status::invalid("unknown element type");
  if (metric < 0 || metric > static_cast<int>(Metric::kJaccard)) return Status::invalid("unknown metric");
  if (!metric_applies(a.type, a.metric)) return Status::invalid("metric does not apply to this element type");
  if (a.dim == 0) return Status::invalid("dimension must be positive");
  if (a.dim > kMaxDim) return Status::invalid("dimension too large");
  const size_t rb = row_bytes(a.type, a.dim);
  if (a.row_stride != 0 && a.row_stride < rb) return Status::invalid("row_stride is smaller than a row");
  if (a.n_rows > 0 && a.arena == nullptr) return Status::invalid("arena is null");
  if (a.nq > 0 && a.queries == nullptr) return Status::invalid("queries is null");
  if (a.ids == nullptr && a.n_ids != 0) return Status::invalid("n_ids is set but ids is null");
  if (a.ids != nullptr) {
    for (size_t j = 0; j < a.n_ids; ++j) {
      if (a.ids[j] >= a.n_rows) return Status::invalid("row id out of range");
    }
  }
  out->rb = rb;
  out->stride = a.row_stride != 0 ? a.row_stride : rb;
  out->m = a.ids != nullptr ? a.n_ids : a.n_rows;
  size_t block = kBlockBytes / out->stride;
  if (block < 1) block = 1;
  if (block > kMaxBlockRows) block = kMaxBlockRows;
  out->block = block;
  return Status::ok();
}

bool stopped(const ScanArgs& a) { return a.stop != nullptr && *a.stop != 0; }

inline void prefetch_row(const uint8_t* p, size_t bytes) {
#if defined(__GNUC__) || defined(__clang__)
  for (size_t off = 0; off < bytes; off += 64) __builtin_prefetch(p + off, 0, 3);
#else
  (void)p;
  (void)bytes;
#endif
}

// A distance functor: one kernel pointer plus the conversion to "smaller is nearer" float.
template <typename T, typename R, bool kNegate>
struct KernelDist {
  R (*fn)(const T*, const T*, size_t);
  float operator()(const uint8_t* q, const uint8_t* row, size_t dim) const {
    const float v = static_cast<float>(fn(reinterpret_cast<const T*>(q), reinterpret_cast<const T*>(row), dim));
    return kNegate ? -v : v;
  }
};

// Output policies. begin() opens the per-query state for one block, end() closes it.
struct DistancesOut {
  float* out;
  size_t m;
  struct Query {
    float* row_out;
    void put(size_t j, uint32_t, float d) { row_out[j] = d; }
  };
  Query begin(size_t q) const { return Query{out + q * m}; }
  void end(size_t, const Query&) const {}
  // Row-batch path: the batch writes its distances straight into the output.
  float* block_out(size_t q, size_t j0, float*) const { return out + q * m + j0; }
  void take_block(size_t, size_t, size_t, const float*, const uint32_t*) const {}
};

struct TopkOut {
  size_t k;
  uint32_t* ids;
  float* dists;
  uint32_t* counts;  // doubles as the heap size of each query while scanning
  struct Query {
    detail::TopkHeap heap;
    void put(size_t, uint32_t id, float d) { heap.push(d, id); }
  };
  Query begin(size_t q) const { return Query{detail::TopkHeap(dists + q * k, ids + q * k, k, counts[q])}; }
  void end(size_t q, const Query& s) const { counts[q] = static_cast<uint32_t>(s.heap.size()); }
  // Row-batch path: the batch fills `scratch` (float[rows in block]), then the heap takes it.
  float* block_out(size_t, size_t, float* scratch) const { return scratch; }
  void take_block(size_t q, size_t j0, size_t j1, const float* d, const uint32_t* ids) const {
    Query s = begin(q);
    for (size_t j = j0; j < j1; ++j) s.put(j, ids != nullptr ? ids[j] : static_cast<uint32_t>(j), d[j - j0]);
    end(q, s);
  }
};

template <bool kHasIds, class Dist, class Out>
Status scan_loop(const Dist& dist, const ScanArgs& a, const Layout& lay, const Out& out) {
  const uint8_t* arena = static_cast<const uint8_t*>(a.arena);
  const uint8_t* queries = static_cast<const uint8_t*>(a.queries);
  for (size_t j0 = 0; j0 < lay.m; j0 += lay.block) {
    if (stopped(a)) return Status::cancelled();
    const size_t j1 = j0 + lay.block < lay.m ? j0 + lay.block : lay.m;
    for (size_t q = 0; q < a.nq; ++q) {
      const uint8_t* qp = queries + q * lay.rb;
      auto state = out.begin(q);
      for (size_t j = j0; j < j1; ++j) {
        const size_t row = kHasIds ? a.ids[j] : j;
        if (kHasIds && q == 0 && j + kPrefetchRows < lay.m) {
          prefetch_row(arena + static_cast<size_t>(a.ids[j + kPrefetchRows]) * lay.stride, lay.rb);
        }
        if (!kHasIds && q == 0 && j + kPrefetchSeqRows < lay.m) {
          prefetch_row(arena + (j + kPrefetchSeqRows) * lay.stride, lay.rb);
        }
        state.put(j, static_cast<uint32_t>(row), dist(qp, arena + row * lay.stride, a.dim));
      }
      out.end(q, state);
    }
  }
  return Status::ok();
}

// The same blocks and query order as scan_loop, one ScoreRowsFn call per (block, query).
template <class Out>
Status rows_loop(detail::ScoreRowsFn fn, const ScanArgs& a, const Layout& lay, const Out& out) {
  const uint8_t* arena = static_cast<const uint8_t*>(a.arena);
  const uint8_t* queries = static_cast<const uint8_t*>(a.queries);
  float scratch[kMaxBlockRows];  // top-k: one block's distances before the heap takes them
  for (size_t j0 = 0; j0 < lay.m; j0 += lay.block) {
    if (stopped(a)) return Status::cancelled();
    const size_t j1 = j0 + lay.block < lay.m ? j0 + lay.block : lay.m;
    for (size_t q = 0; q < a.nq; ++q) {
      const detail::RowBatch batch{arena, lay.stride, a.ids, j0, j1, lay.m, q == 0};
      float* dst = out.block_out(q, j0, scratch);
      fn(queries + q * lay.rb, batch, a.dim, dst);
      out.take_block(q, j0, j1, dst, a.ids);
    }
  }
  return Status::ok();
}

// The level's row-batch loops, only for the genuine tables of the x86 levels (a table built
// elsewhere, e.g. by a test, keeps the generic path and its own kernels).
const detail::RowKernels* row_kernels_for(const KernelTable& kt) {
#if defined(VECGRES_WITH_X86_KERNELS)
  if (&kt == detail::avx512_kernel_table(true) || &kt == detail::avx512_kernel_table(false)) {
    return detail::avx512_row_kernels();
  }
  if (&kt == detail::avx2_kernel_table()) return detail::avx2_row_kernels();
#else
  (void)kt;
#endif
  return nullptr;
}

template <class Dist, class Out>
Status run(const Dist& dist, const ScanArgs& a, const Layout& lay, const Out& out) {
  return a.ids != nullptr ? scan_loop<true>(dist, a, lay, out) : scan_loop<false>(dist, a, lay, out);
}

// The one switch per call: (element type, metric) -> functor over the table's kernel.
template <class Out>
Status dispatch(const KernelTable& kt, const ScanArgs& a, const Layout& lay, const Out& out) {
  const detail::RowKernels* rk = row_kernels_for(kt);
  const int mi = static_cast<int>(a.metric);
  if (rk != nullptr && mi >= 0 && mi < 4) {
    if (a.type == ElemType::kF32) return rows_loop(rk->f32[mi], a, lay, out);
    if (a.type == ElemType::kF16) return rows_loop(rk->f16[mi], a, lay, out);
  }
  switch (a.type) {
    case ElemType::kF32:
      switch (a.metric) {
        case Metric::kL2Sq: return run(KernelDist<float, float, false>{kt.f32_l2sq}, a, lay, out);
        case Metric::kNegDot: return run(KernelDist<float, float, true>{kt.f32_dot}, a, lay, out);
        case Metric::kCosine: return run(KernelDist<float, float, false>{kt.f32_cosine}, a, lay, out);
        case Metric::kL1: return run(KernelDist<float, float, false>{kt.f32_l1}, a, lay, out);
        default: break;
      }
      break;
    case ElemType::kF16:
      switch (a.metric) {
        case Metric::kL2Sq: return run(KernelDist<uint16_t, float, false>{kt.f16_l2sq}, a, lay, out);
        case Metric::kNegDot: return run(KernelDist<uint16_t, float, true>{kt.f16_dot}, a, lay, out);
        case Metric::kCosine: return run(KernelDist<uint16_t, float, false>{kt.f16_cosine}, a, lay, out);
        case Metric::kL1: return run(KernelDist<uint16_t, float, false>{kt.f16_l1}, a, lay, out);
        default: break;
      }
      break;
    case ElemType::kI8:
      if (a.metric == Metric::kL2Sq) return run(KernelDist<int8_t, int32_t, false>{kt.i8_l2sq}, a, lay, out);
      if (a.metric == Metric::kNegDot) return run(KernelDist<int8_t, int32_t, true>{kt.i8_dot}, a, lay, out);
      break;
    case ElemType::kU8:
      if (a.metric == Metric::kL2Sq) return run(KernelDist<uint8_t, int32_t, false>{kt.u8_l2sq}, a, lay, out);
      if (a.metric == Metric::kNegDot) return run(KernelDist<uint8_t, int32_t, true>{kt.u8_dot}, a, lay, out);
      break;
    case ElemType::kBits:
      if (a.metric == Metric::kHamming) return run(KernelDist<uint8_t, uint32_t, false>{kt.bits_hamming}, a, lay, out);
      if (a.metric == Metric::kJaccard) return run(KernelDist<uint8_t, float, false>{kt.bits_jaccard}, a, lay, out);
      break;
  }
  return Status::invalid("metric does not apply to this element type");  // unreachable after validate
}

}  // namespace

size_t row_bytes(ElemType type, size_t dim) {
  switch (type) {
    case ElemType::kF32: return dim * 4;
    case ElemType::kF16: return dim * 2;
    case ElemType::kI8:
    case ElemType::kU8: return dim;
    case ElemType::kBits: return (dim + 7) / 8;
  }
  return 0;
}

Status scan_distances(const KernelTable& kt, const ScanArgs& args, float* out) {
  Layout lay;
  const Status st = validate(args, &lay);
  if (!st.is_ok()) return st;
  if (out == nullptr && args.nq * lay.m != 0) return Status::invalid("output buffer is null");
  if (stopped(args)) return Status::cancelled();
  return dispatch(kt, args, lay, DistancesOut{out, lay.m});
}

Status scan_topk(const KernelTable& kt, const ScanArgs& args, size_t k, uint32_t* out_ids,
                 float* out_dists, uint32_t* out_counts) {
  Layout lay;
  const Status st = validate(args, &lay);
  if (!st.is_ok()) return st;
  if (args.ids == nullptr && args.n_rows > kNoId) return Status::invalid("too many rows for uint32 row ids");
  if (args.nq > 0 && out_counts == nullptr) return Status::invalid("output buffer is null");
  if (args.nq * k != 0 && (out_ids == nullptr || out_dists == nullptr)) return Status::invalid("output buffer is null");
  if (stopped(args)) return Status::cancelled();
  for (size_t q = 0; q < args.nq; ++q) out_counts[q] = 0;
  if (k == 0) return Status::ok();

  const TopkOut out{k, out_ids, out_dists, out_counts};
  const Status scanned = dispatch(kt, args, lay, out);
  if (!scanned.is_ok()) return scanned;

  for (size_t q = 0; q < args.nq; ++q) {
    detail::TopkHeap heap = out.begin(q).heap;
    heap.sort_nearest_first();
    for (size_t s = heap.size(); s < k; ++s) {
      out_ids[q * k + s] = kNoId;
      out_dists[q * k + s] = std::numeric_limits<float>::infinity();
    }
  }
  return Status::ok();
}

uint64_t read_memory(const KernelTable& kt, const void* data, size_t bytes) {
  return kt.read_memory(data, bytes);
}

}  // namespace vecgres
