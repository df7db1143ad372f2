// HNSW graph index (Malkov & Yashunin; construction and neighbour selection as in hnswlib).
//
// The graph is SEPARATE from the vectors: node id = row position in the segment's arena, and
// every call that computes distances is handed the current arena (HnswArena). The graph never
// copies a vector; a DistanceComputer reads "row i" of the arena it is given (later, quantized
// codes plug in as another DistanceComputer).
//
// Layout (the same in memory and in the serialized form, so open() is zero-copy):
//   levels   uint8[n]                      top layer of each node (0 = layer 0 only)
//   layer0   uint32[n * (1 + 2m)]          fixed stride: [count, id_0 .. id_{2m-1}]
//   up_off   uint32[n]                     start of the node's upper blocks in `upper`
//                                          (0xFFFFFFFF when levels[i] == 0)
//   upper    uint32[...]                   per node: levels[i] blocks [count, id_0..id_{m-1}]
//                                          for layers 1..levels[i]
//   norms    float[n]                      cosine only: 1 / |row| (0 for a zero vector)
//   payload links (optional, add_group_links): a SEPARATE layer-0 adjacency, CSR
//     p_off  uint32[pn + 1]                node i's payload links are p_ids[p_off[i] .. p_off[i+1])
//     p_ids  uint32[p_off[pn]]             (pn = nodes when the links were built; later nodes
//                                          have none). Links only join nodes of one group (rows
//                                          sharing a payload value), so a filter on that value
//                                          keeps a connected subgraph (Qdrant's payload_m).
//     Only FILTERED searches read them: the unfiltered loop is untouched.
// Deleted rows are never unlinked: searches pass an `allow` bitmap that excludes them (and
// invisible or filtered rows) from the RESULTS while the traversal still walks through them,
// so the graph stays navigable. Segments are immutable once sealed and a merge makes a new
// segment whose graph is rebuilt, so deletes need no in-place repair of links. (Nodes whose
// in-links the insert pruning removed are re-attached by add() itself: hnsw_repair.cpp.)
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <random>
#include <shared_mutex>
#include <vector>

#include "vecgres/kernels.h"
#include "vecgres/scan.h"
#include "vecgres/status.h"

namespace vecgres {

constexpr uint32_t kHnswNoNode = 0xFFFFFFFFu;
constexpr uint32_t kHnswMaxM = 100;         // pgvector allows m in [2, 100]
constexpr uint32_t kHnswMaxEf = 100000;     // hnsw.ef_search accepts up to 10,000 in SQL
constexpr int kHnswMaxLevel = 30;

// Rows of one arena: row i starts at data + i * row_stride (row_stride 0 = packed).
struct HnswArena {
  const uint8_t* data = nullptr;
  size_t n_rows = 0;
  size_t row_stride = 0;
};

struct HnswParams {
  ElemType type = ElemType::kF32;
  Metric metric = Metric::kL2Sq;
  uint32_t dim = 0;
  uint32_t m = 16;                // links per node on layers >= 1; layer 0 has 2m
  uint32_t ef_construction = 64;
  uint64_t seed = 0x5eed;         // level generator seed (builds are reproducible with 1 thread)
  // Run the reachability repair at the end of every add() (hnsw_repair.cpp). Not serialized
  // (it only matters while building); tests turn it off to show the unrepaired graph.
  bool repair = true;
};

// A query as the distance computer sees it: its row, and 1 / |q| for cosine (0 for a zero
// vector, whose cosine distance is undefined and ranks last).
struct HnswQuery {
  const void* data;
  float inv_norm;
};

// Distance between a query (or row) and a row of the arena, for the index's type and metric;
// smaller is nearer (the scan.h conventions). NaN (cosine of a zero vector) is mapped to +inf
// so that heaps stay ordered. Cosine uses the index's per-row inverse norms (`inv_norms`, one
// float per node, kept with the graph: the vectors themselves are never copied), so each
// distance is one dot product, as for pre-normalized vectors.
class DistanceComputer {
 public:
  DistanceComputer(const KernelTable& kt, const HnswParams& p, const HnswArena& arena, const float* inv_norms);
  const uint8_t* row(uint32_t i) const { return arena_.data + size_t(i) * stride_; }
  HnswQuery query(const void* q) const { return {q, cosine_ ? inverse_norm(q) : 0.0f}; }
  HnswQuery query_row(uint32_t i) const { return {row(i), cosine_ ? norms_[i] : 0.0f}; }
  float operator()(const HnswQuery& q, uint32_t i) const {
    return cosine_ ? cosine(q, i) : distance(q.data, row(i));
  }
  float between(uint32_t a, uint32_t b) const { return (*this)(query_row(a), b); }
  // 1 / sqrt(dot(v, v)), 0 for a zero (or non-finite) norm.
  float inverse_norm(const void* v) const;
  bool is_cosine() const { return cosine_; }
  // The first lines of row i (up to 512 bytes; the hardware prefetcher follows a longer row),
  // and for cosine its stored norm, another random read per scored row.
  void prefetch(uint32_t i) const {
#if defined(__GNUC__)
    const char* p = reinterpret_cast<const char*>(row(i));
    for (size_t off = 0; off < prefetch_bytes_; off += 64) __builtin_prefetch(p + off);
    if (cosine_) __builtin_prefetch(norms_ + i);
#else
    (void)i;
#endif
  }
  size_t row_bytes() const { return row_bytes_; }

 private:
  float distance(const void* a, const void* b) const;
  float cosine(const HnswQuery& q, uint32_t i) const;

  enum class Kind : int { kF32L2, kF32Dot, kF32Cos, kF32L1, kF16L2, kF16Dot, kF16Cos, kF16L1,
                          kI8L2, kI8Dot, kU8L2, kU8Dot, kHamming, kJaccard };
  const KernelTable& kt_;
  HnswArena arena_;
  size_t dim_;
  size_t row_bytes_;
  size_t stride_;
  Kind kind_;
  bool cosine_ = false;
  const float* norms_ = nullptr;
  size_t prefetch_bytes_ = 128;
};

struct HnswSearchArgs {
  const void* queries = nullptr;  // nq packed rows of the index's element type
  size_t nq = 1;
  size_t k = 10;
  size_t ef = 40;                 // effective ef = max(ef, k)
  const uint8_t* allow = nullptr; // optional bitmap over node ids, LSB-first; bit clear = excluded
  size_t allow_bits = 0;          // bits in `allow` (nodes past it count as excluded)
  const volatile int32_t* stop = nullptr;
  // Filtered searches only: ACORN-1 style two-hop expansion. A neighbour that fails the filter
  // gets no distance; its own neighbours (the 2-hop set) are scanned for allowed, unvisited
  // nodes instead, within budgets that grow as the filter gets sparser (Lucene's rules; see
  // hnsw_search_two_hop.cpp). Only allowed nodes become candidates.
  bool two_hop = false;
  uint32_t* distances = nullptr;  // optional out: uint32[nq], distance computations per query
  // Filtered searches (not two-hop) only: give up after this many distances (0: no bound). A
  // query that gives up returns no results and reports distances >= max_distances, so the
  // caller can rank the allowed rows exactly instead: when the filter's rows lie far from the
  // query, the walk crosses most of the graph, and a sequential scan of the rows is cheaper.
  size_t max_distances = 0;
};

// add_group_links() options: links among the nodes of each group (Qdrant's payload_m).
struct HnswGroupLinkParams {
  uint32_t m = 16;                // payload_m: heuristic selection keeps m, a node holds <= 2m
  uint32_t ef_construction = 0;   // 0 = the index's ef_construction
};

struct HnswStats {
  uint32_t nodes = 0;
  int32_t max_level = -1;   // -1 when empty
  uint32_t entry_point = kHnswNoNode;
  uint64_t bytes = 0;       // graph bytes (the serialized size)
  uint64_t payload_link_bytes = 0;  // bytes of the payload-link section (0 without one)
  uint32_t payload_m = 0;           // m of the last add_group_links() (0 = none)
  uint32_t repaired = 0;            // nodes the last add()'s repair re-attached (0 for an opened graph)
};

class VisitedPool;
class HnswScan;
struct MaxHeap;
struct MinHeap;

class HnswIndex {
 public:
  ~HnswIndex();
  HnswIndex(const HnswIndex&) = delete;
  HnswIndex& operator=(const HnswIndex&) = delete;

  // An empty index. kInvalidArgument for a bad type/metric pair, dim 0, m outside [2, 100],
  // ef_construction outside [m, 100000] (pgvector: ef_construction >= 2 * m is checked by the
  // catalog; here only the defensive range).
  static Status create(const HnswParams& params, std::unique_ptr<HnswIndex>* out);

  // Opens a serialized graph in place: `data` must stay valid and unchanged while the index
  // lives (`keepalive` is held for that, e.g. a mapped-file lease). O(1) checks of the header
  // and section bounds; the graph itself is read where it lies. `data` must be 4-byte aligned.
  static Status open(const uint8_t* data, size_t bytes, std::shared_ptr<const void> keepalive,
                     std::unique_ptr<HnswIndex>* out);

  // Inserts rows [from, to) of `arena` (from must equal nodes(); the arena holds >= to rows).
  // threads: worker threads including the caller's (0 = hardware concurrency). Polls `stop`
  // once per node; a cancelled insert leaves the index unusable (kCancelled now, kInvalid after).
  // Ends with the reachability repair (params.repair): afterwards every node is reachable in
  // layer 0 from the entry point, so a search with ef >= nodes() returns the exact answer.
  Status add(const KernelTable& kt, const HnswArena& arena, uint32_t from, uint32_t to,
             unsigned threads, const volatile int32_t* stop);

  // k nearest per query. ids: uint32[nq * k], dists: float[nq * k] (nearest first; unused slots
  // 0xFFFFFFFF / +inf), counts: uint32[nq]. Runs on the calling thread.
  Status search(const KernelTable& kt, const HnswArena& arena, const HnswSearchArgs& args,
                uint32_t* ids, float* dists, uint32_t* counts) const;

  // Payload links (see the layout above): for every group, an HNSW-style insertion of the
  // group's nodes restricted to the group (beam search among the group's nodes linked so far,
  // heuristic selection of m, mutual links pruned to 2m), stored apart from the graph and
  // merged with links of earlier calls (groups may overlap: a node's lists are concatenated).
  //   positions: uint32[offsets[groups]]  node ids, each group strictly ascending, < nodes()
  //   offsets:   uint32[groups + 1]       group g = positions[offsets[g] .. offsets[g+1])
  // Groups are built in parallel (threads as in add(); each group on one thread, so the result
  // does not depend on the thread count). Polls `stop` per node; cancelled leaves the links
  // unchanged (kCancelled).
  Status add_group_links(const KernelTable& kt, const HnswArena& arena, const uint32_t* positions,
                         const uint32_t* offsets, size_t groups, const HnswGroupLinkParams& p, unsigned threads,
                         const volatile int32_t* stop);

  size_t serialized_size() const;
  // Writes the flat layout into out[0, serialized_size()).
  Status serialize(uint8_t* out, size_t bytes) const;

  uint32_t nodes() const { return n_; }
  const HnswParams& params() const { return params_; }
  HnswStats stats() const;
  // Mean share of allowed targets among the payload links of up to `sample` allowed nodes
  // (spread evenly over the id range; a node without payload links counts 0): 1 when the allow
  // set is one linked group (its subgraph is connected through its own links, so two-hop search
  // keeps recall), about the selectivity for a set the groups do not follow, 1 / c for a group
  // of one of c payload-indexed columns. 0 without payload links or allowed nodes.
  // O(sample * (2 payload_m + n / 8 / sample)): for the planner, per query.
  double payload_link_share(const uint8_t* allow, size_t allow_bits, size_t sample) const;
  // Layer-0 nodes with no path from the entry point (one BFS, O(nodes + links)); 0 after a
  // repaired add(). For tests and diagnostics.
  uint32_t unreachable_nodes() const;
  // Nodes inserted by the add() in progress (or the last one); readable from any thread.
  uint64_t progress() const { return progress_.load(std::memory_order_relaxed); }

 private:
  friend class HnswScan;
  struct Builder;
  struct Repairer;
  HnswIndex();
  // Makes every layer-0 node reachable from the entry point (hnsw_repair.cpp). Polls `stop`.
  Status repair(const DistanceComputer& dc, const volatile int32_t* stop);

  // Graph views (into owned vectors or an opened buffer).
  const uint32_t* links0(uint32_t i) const { return l0_ + size_t(i) * s0_; }
  uint32_t* links0_mut(uint32_t i) { return l0_ + size_t(i) * s0_; }
  const uint32_t* links_up(uint32_t i, int level) const { return upper_ + up_off_[i] + size_t(level - 1) * s_; }
  uint32_t* links_up_mut(uint32_t i, int level) { return upper_ + up_off_[i] + size_t(level - 1) * s_; }
  const uint32_t* links(uint32_t i, int level) const { return level == 0 ? links0(i) : links_up(i, level); }
  uint32_t* links_mut(uint32_t i, int level) { return level == 0 ? links0_mut(i) : links_up_mut(i, level); }
  bool allowed(const uint8_t* allow, size_t bits, uint32_t i) const {
    return i < bits && (allow[i >> 3] >> (i & 7)) & 1;
  }

  void materialize();
  void grow(uint32_t to);
  void refresh_views();
  uint32_t greedy_descend(const DistanceComputer& dc, const HnswQuery& q, uint32_t ep, int from_level,
                          int to_level, size_t* ndist = nullptr) const;
  template <bool kFilter>
  size_t search_one(const DistanceComputer& dc, const HnswQuery& q, size_t k, size_t ef,
                    const uint8_t* allow, size_t allow_bits, MaxHeap& top, MinHeap& cand, uint32_t* ids,
                    float* dists, size_t* ndist, size_t budget = 0) const;
  size_t search_two_hop(const DistanceComputer& dc, const HnswQuery& q, size_t k, size_t ef,
                        const uint8_t* allow, size_t allow_bits, double ratio, MaxHeap& top, MinHeap& cand,
                        std::vector<uint32_t>& scratch, uint32_t* ids, float* dists, size_t* ndist) const;
  // Payload links of node i (call only for i < pn_). Iterate with `<`: the offsets of an opened
  // file are not checked one by one (open is O(1)), so a damaged list reads as empty or is
  // clamped to the section instead of running out of bounds.
  const uint32_t* plinks_begin(uint32_t i) const { return p_ids_ + std::min<uint64_t>(p_off_[i], p_words_); }
  const uint32_t* plinks_end(uint32_t i) const { return p_ids_ + std::min<uint64_t>(p_off_[i + 1], p_words_); }

  HnswParams params_;
  uint32_t s0_ = 0;  // layer-0 stride in uint32 (1 + 2m)
  uint32_t s_ = 0;   // upper-layer block stride (1 + m)
  uint32_t n_ = 0;
  uint32_t entry_ = kHnswNoNode;
  int max_level_ = -1;
  bool broken_ = false;

  // Views used by every reader.
  const uint8_t* levels_ = nullptr;
  uint32_t* l0_ = nullptr;
  const uint32_t* up_off_ = nullptr;
  uint32_t* upper_ = nullptr;
  size_t upper_words_ = 0;
  const float* norms_ = nullptr;  // cosine only: 1 / |row| per node
  uint32_t pn_ = 0;                // nodes covered by the payload links (0 = none)
  uint32_t payload_m_ = 0;
  uint32_t repaired_ = 0;          // nodes re-attached by the last add()'s repair
  uint64_t p_words_ = 0;           // entries of p_ids_
  const uint32_t* p_off_ = nullptr;
  const uint32_t* p_ids_ = nullptr;

  // Owned storage (empty while the index reads an opened buffer).
  bool owned_ = true;
  std::vector<uint8_t> own_levels_;
  std::vector<uint32_t> own_l0_;
  std::vector<uint32_t> own_up_off_;
  std::vector<uint32_t> own_upper_;
  std::vector<float> own_norms_;
  std::vector<uint32_t> own_p_off_;
  std::vector<uint32_t> own_p_ids_;
  std::shared_ptr<const void> keepalive_;

  std::mt19937_64 rng_;
  std::atomic<uint64_t> progress_{0};
  std::unique_ptr<VisitedPool> visited_;
  // add() holds it exclusively, search()/scans share it: an insert may reallocate the graph.
  mutable std::shared_mutex rw_;
};

// A resumable scan (pgvector's hnsw.iterative_scan): each next() returns the next batch of
// results in relaxed distance order, continuing from the candidates earlier batches left
// unexpanded, until every reachable node was visited (then unvisited nodes are swept in id
// order, so a scan run to the end returns every allowed node exactly once) or `max_visited`.
class HnswScan {
 public:
  // `query` is copied; `allow` (allow_bits bits) is copied when given. O(row + allow) and takes
  // no lock: the node count is fixed at the first next().
  // two_hop (with allow only): a failing neighbour gets no distance; its neighbours are looked
  // through for allowed ones instead (all of them: the scan is resumable, so no budget), and
  // the final sweep seeds allowed nodes only. With allow, payload links are followed too.
  HnswScan(std::shared_ptr<const HnswIndex> index, const void* query, size_t ef,
           const uint8_t* allow, size_t allow_bits, uint64_t max_visited, bool two_hop = false);
  ~HnswScan();

  // Up to n more results into ids[0..) / dists[0..); *count = how many (0 = exhausted).
  Status next(const KernelTable& kt, const HnswArena& arena, size_t n, uint32_t* ids, float* dists,
              size_t* count);
  bool exhausted() const { return exhausted_; }
  uint64_t visited() const { return visited_count_; }

 private:
  struct State;
  std::shared_ptr<const HnswIndex> index_;
  std::unique_ptr<State> st_;
  bool exhausted_ = false;
  uint64_t visited_count_ = 0;
};

}  // namespace vecgres
