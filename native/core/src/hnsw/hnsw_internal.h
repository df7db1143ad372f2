// Private helpers of the HNSW files: visited sets, candidate heaps, metric checks.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "vecgres/hnsw.h"

namespace vecgres {

// Rows prefetched ahead of the one being scored when a node's unvisited neighbours are scored
// (hnswlib prefetches one). Measured on glove-100k (100-d, 400-byte rows), ef 80, in-process:
// 128 us per query with one ahead, 122 / 115 / 107 / 96 / 94 / 95 / 92 with 1 / 2 / 3 / 4 / 6 /
// 8 / 12 after skipping visited neighbours first; the gain holds with 4 MB of other memory
// traffic between queries (134 -> 101-112 us), as in the server.
constexpr uint32_t kHnswLookahead = 8;

// (distance, node); ordered by distance, then node id, so results are deterministic.
using DistNode = std::pair<float, uint32_t>;

// Epoch-tagged visited set: reset() is O(1) except once every 65535 uses.
struct VisitedList {
  std::vector<uint16_t> tags;
  uint16_t epoch = 0;
  void reset(size_t n) {
    if (tags.size() < n) {
      tags.assign(n + n / 4 + 16, 0);
      epoch = 0;
    }
    if (++epoch == 0) {
      std::fill(tags.begin(), tags.end(), 0);
      epoch = 1;
    }
  }
  bool test_and_set(uint32_t i) {
    if (tags[i] == epoch) return true;
    tags[i] = epoch;
    return false;
  }
  void clear(uint32_t i) { tags[i] = 0; }
  void prefetch(uint32_t i) const {
#if defined(__GNUC__)
    __builtin_prefetch(tags.data() + i);
#else
    (void)i;
#endif
  }
};

// Lists are recycled between searches (and threads) so a search allocates nothing.
class VisitedPool {
 public:
  std::unique_ptr<VisitedList> get(size_t n) {
    std::unique_ptr<VisitedList> v;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!free_.empty()) {
        v = std::move(free_.back());
        free_.pop_back();
      }
    }
    if (!v) v = std::make_unique<VisitedList>();
    v->reset(n);
    return v;
  }
  void put(std::unique_ptr<VisitedList> v) {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(std::move(v));
  }

 private:
  std::mutex mu_;
  std::vector<std::unique_ptr<VisitedList>> free_;
};

// Returns a pooled list to its pool at scope exit.
class VisitedLease {
 public:
  VisitedLease(VisitedPool& pool, size_t n) : pool_(pool), list_(pool.get(n)) {}
  ~VisitedLease() { pool_.put(std::move(list_)); }
  VisitedList& operator*() { return *list_; }
  VisitedList* operator->() { return list_.get(); }

 private:
  VisitedPool& pool_;
  std::unique_ptr<VisitedList> list_;
};

// Binary heaps over a reusable vector. MaxHeap: top = farthest; MinHeap: top = nearest.
struct MaxHeap {
  std::vector<DistNode> v;
  void push(DistNode x) { v.push_back(x); std::push_heap(v.begin(), v.end()); }
  void pop() { std::pop_heap(v.begin(), v.end()); v.pop_back(); }
  const DistNode& top() const { return v.front(); }
  size_t size() const { return v.size(); }
  bool empty() const { return v.empty(); }
  void clear() { v.clear(); }
};

struct MinHeap {
  std::vector<DistNode> v;
  static bool greater(const DistNode& a, const DistNode& b) { return a > b; }
  void push(DistNode x) { v.push_back(x); std::push_heap(v.begin(), v.end(), greater); }
  void pop() { std::pop_heap(v.begin(), v.end(), greater); v.pop_back(); }
  const DistNode& top() const { return v.front(); }
  size_t size() const { return v.size(); }
  bool empty() const { return v.empty(); }
  void clear() { v.clear(); }
};

// Pops the nearest min(k, size) of `top` into ids/dists, nearest first; returns how many.
size_t drain_results(MaxHeap& top, size_t k, uint32_t* ids, float* dists);

// hnswlib's getNeighborsByHeuristic2: keeps a candidate only if it is nearer to the base than
// to every candidate kept so far. `sorted` ascending by distance to the base; keeps <= m.
// `row_of` maps a candidate's id to its arena row (identity for graph nodes).
template <typename RowOf>
void select_heuristic(const DistanceComputer& dc, std::vector<DistNode>& sorted, size_t m, RowOf row_of) {
  if (sorted.size() <= m) return;
  size_t kept = 0;
  for (size_t i = 0; i < sorted.size() && kept < m; ++i) {
    const DistNode e = sorted[i];
    const HnswQuery eq = dc.query_row(row_of(e.second));
    bool good = true;
    for (size_t r = 0; r < kept; ++r) {
      if (dc(eq, row_of(sorted[r].second)) < e.first) {
        good = false;
        break;
      }
    }
    if (good) sorted[kept++] = e;
  }
  sorted.resize(kept);
}

// The scan.h table of valid (type, metric) pairs.
bool hnsw_metric_applies(ElemType type, Metric metric);

// Serialized header (little-endian; see hnsw_serialize.cpp).
constexpr char kHnswMagic[8] = {'V', 'G', 'H', 'N', 'S', 'W', '0', '1'};
constexpr uint32_t kHnswFormatVersion = 1;
// Version 2 = version 1 + a payload-link section (header bytes 112..127); written only when
// the index has payload links, so graphs without them stay byte-identical to version 1.
constexpr uint32_t kHnswFormatVersionPayload = 2;
constexpr size_t kHnswHeaderBytes = 128;

}  // namespace vecgres
