// Query-time HNSW search: greedy descent through the upper layers, then hnswlib's
// searchBaseLayerST on layer 0. With an `allow` bitmap the traversal still walks through
// excluded nodes (so the graph stays navigable) but admits only allowed ones into the results;
// the filtered variant is a separate instantiation so the unfiltered loop pays nothing for it.
// Filtered searches also follow the payload links (allowed targets only: those links exist to
// keep a filter's subgraph connected, the main links already navigate through the rest), and
// may use the two-hop expansion instead (hnsw_search_two_hop.cpp).
#include <algorithm>
#include <limits>

#include "hnsw_internal.h"
#include "vecgres/hnsw.h"

namespace vecgres {

template <bool kFilter>
size_t HnswIndex::search_one(const DistanceComputer& dc, const HnswQuery& q, size_t k, size_t ef,
                             const uint8_t* allow, size_t allow_bits, MaxHeap& top, MinHeap& cand,
                             uint32_t* ids, float* dists, size_t* ndist, size_t budget) const {
  VisitedLease visited(*visited_, n_);
  top.clear();
  cand.clear();

  const uint32_t ep = greedy_descend(dc, q, entry_, max_level_, 0, ndist);
  const float d0 = dc(q, ep);
  size_t nd = 1;
  visited->test_and_set(ep);
  cand.push({d0, ep});
  float lower = std::numeric_limits<float>::infinity();
  if (!kFilter || allowed(allow, allow_bits, ep)) {
    top.push({d0, ep});
    lower = d0;
  }
  // The entry point seeds the walk too: the build's repair (hnsw_repair.cpp) makes every node
  // reachable in layer 0 from the entry point, but not necessarily from the node the descent
  // ends at, so without it a search at ef >= nodes could still miss some. One distance; the
  // far entry leaves the results as soon as ef nearer nodes are found.
  if (ep != entry_) {
    const float de = dc(q, entry_);
    ++nd;
    visited->test_and_set(entry_);
    cand.push({de, entry_});
    if (!kFilter || allowed(allow, allow_bits, entry_)) {
      top.push({de, entry_});
      if (top.size() > ef) top.pop();
      lower = top.top().first;
    }
  }
  // One neighbour: its distance, and a candidate (and a result if allowed) when it may improve.
  auto consider = [&](uint32_t v, bool is_allowed) {
    const float d = dc(q, v);
    ++nd;
    if (top.size() < ef || d < lower) {
      cand.push({d, v});
      if (is_allowed) {
        top.push({d, v});
        if (top.size() > ef) top.pop();
        lower = top.top().first;
      }
    }
  };
  while (!cand.empty()) {
    const DistNode c = cand.top();
    // Unfiltered: stop once the nearest unexpanded candidate is farther than the ef-th result.
    // Filtered: only once ef allowed results exist (hnswlib's rule), so sparse filters widen
    // the walk instead of returning short lists.
    if (c.first > lower && (!kFilter || top.size() == ef)) break;
    // Over the caller's distance budget: no results (the caller searches the rows exactly).
    if (kFilter && budget != 0 && nd >= budget) {
      top.clear();
      break;
    }
    cand.pop();
    const uint32_t* l = links0(c.second);
    // At most the list's capacity (2m), also for a damaged opened file (counts are not
    // checked at open): `fresh` below holds that many.
    const uint32_t cnt = std::min<uint32_t>(l[0], s0_ - 1);
    for (uint32_t j = 1; j <= cnt; ++j) visited->prefetch(l[j]);
    // The unvisited neighbours first, then their distances with the rows prefetched
    // kHnswLookahead ahead: no prefetch is spent on a visited node (most of them, late in a
    // search), and a few rows are in flight while one is scored.
    uint32_t fresh[2 * kHnswMaxM];
    uint32_t nf = 0;
    for (uint32_t j = 1; j <= cnt; ++j) {
      const uint32_t v = l[j];
      if (v >= n_ || visited->test_and_set(v)) continue;
      fresh[nf++] = v;
    }
    for (uint32_t j = 0; j < nf && j < kHnswLookahead; ++j) dc.prefetch(fresh[j]);
    for (uint32_t j = 0; j < nf; ++j) {
      if (j + kHnswLookahead < nf) dc.prefetch(fresh[j + kHnswLookahead]);
      consider(fresh[j], !kFilter || allowed(allow, allow_bits, fresh[j]));
    }
    if constexpr (kFilter) {
      if (c.second < pn_) {
        const uint32_t* end = plinks_end(c.second);
        for (const uint32_t* p = plinks_begin(c.second); p < end; ++p) {
          const uint32_t v = *p;
          if (v >= n_ || !allowed(allow, allow_bits, v) || visited->test_and_set(v)) continue;
          consider(v, true);
        }
      }
    }
#if defined(__GNUC__)
    // The next node to expand is most likely the new nearest candidate: fetch its links now.
    if (!cand.empty()) __builtin_prefetch(links0(cand.top().second));
#endif
  }
  *ndist += nd;
  return drain_results(top, k, ids, dists);
}

size_t drain_results(MaxHeap& top, size_t k, uint32_t* ids, float* dists) {
  while (top.size() > k) top.pop();
  const size_t count = top.size();
  for (size_t r = count; r-- > 0;) {
    ids[r] = top.top().second;
    dists[r] = top.top().first;
    top.pop();
  }
  return count;
}

Status HnswIndex::search(const KernelTable& kt, const HnswArena& arena, const HnswSearchArgs& a,
                         uint32_t* ids, float* dists, uint32_t* counts) const {
  std::shared_lock<std::shared_mutex> lock(rw_);
  if (broken_) return Status::invalid("hnsw: the index is unusable after a cancelled build");
  if (a.nq > 0 && a.queries == nullptr) return Status::invalid("hnsw: null queries");
  if (a.nq > 0 && a.k > 0 && (ids == nullptr || dists == nullptr)) return Status::invalid("hnsw: null outputs");
  if (a.nq > 0 && counts == nullptr) return Status::invalid("hnsw: null counts");
  if (a.ef > kHnswMaxEf) return Status::invalid("hnsw: ef must be <= 100000");
  if (n_ > 0 && (arena.data == nullptr || arena.n_rows < n_)) {
    return Status::invalid("hnsw: the arena has fewer rows than the graph has nodes");
  }
  const size_t rb = row_bytes(params_.type, params_.dim);
  if (arena.row_stride != 0 && arena.row_stride < rb) return Status::invalid("hnsw: row stride below row size");
  const DistanceComputer dc(kt, params_, arena, norms_);
  const size_t ef = std::max(a.ef, a.k);
  const uint8_t* qs = static_cast<const uint8_t*>(a.queries);
  MaxHeap top;  // reused by every query of the batch, sized once (no regrowth per query)
  MinHeap cand;
  top.v.reserve(ef + 1);
  cand.v.reserve(2 * ef + 64);
  std::vector<uint32_t> scratch;
  // Two-hop budgets depend on the share of allowed nodes: one popcount per call (n / 8 bytes).
  double ratio = 0;
  if (a.allow != nullptr && a.two_hop && n_ > 0) {
    const size_t bits = std::min<size_t>(a.allow_bits, n_);
    uint64_t ones = 0;
    for (size_t b = 0; b < bits / 8; ++b) ones += __builtin_popcount(a.allow[b]);
    for (size_t i = bits / 8 * 8; i < bits; ++i) ones += allowed(a.allow, a.allow_bits, static_cast<uint32_t>(i));
    ratio = double(ones) / n_;
  }
  for (size_t qi = 0; qi < a.nq; ++qi) {
    if (a.stop != nullptr && *a.stop != 0) return Status::cancelled();
    uint32_t* qids = ids + qi * a.k;
    float* qd = dists + qi * a.k;
    size_t count = 0;
    size_t nd = 0;
    if (n_ > 0 && a.k > 0) {
      const HnswQuery q = dc.query(qs + qi * rb);
      if (a.allow == nullptr) {
        count = search_one<false>(dc, q, a.k, ef, nullptr, 0, top, cand, qids, qd, &nd);
      } else if (a.two_hop) {
        count = search_two_hop(dc, q, a.k, ef, a.allow, a.allow_bits, ratio, top, cand, scratch, qids, qd, &nd);
      } else {
        count = search_one<true>(dc, q, a.k, ef, a.allow, a.allow_bits, top, cand, qids, qd, &nd, a.max_distances);
      }
    }
    for (size_t r = count; r < a.k; ++r) {
      qids[r] = kHnswNoNode;
      qd[r] = std::numeric_limits<float>::infinity();
    }
    counts[qi] = static_cast<uint32_t>(count);
    if (a.distances != nullptr) a.distances[qi] = static_cast<uint32_t>(std::min<size_t>(nd, UINT32_MAX));
  }
  return Status::ok();
}

}  // namespace vecgres
