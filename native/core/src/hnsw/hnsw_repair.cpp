// Reachability repair, run at the end of add(). HNSW's mutual-link pruning can drop the last
// in-link of a node (near-duplicates, tiny m, concurrent inserts): the node keeps its own
// out-links but no path from the entry point leads to it, so no search returns it at any ef
// (pgvector's HNSW has the same weakness). The repair:
//   1. floods layer 0 from the entry point (every search descends into layer 0 and walks it, so
//      "reachable" means reachable there), marking reachable nodes;
//   2. for each unreachable node u, in id order: finds u's nearest reachable node v with the
//      insert's own search (greedy descent over reachable upper-layer nodes, then the
//      ef_construction beam in layer 0) and adds u to v's layer-0 list. If v's list is full, u
//      takes the slot of v's farthest neighbour w (the one v's heuristic would drop first) and w
//      moves to u's list, so every path that used v -> w now runs v -> u -> w: nothing reachable
//      is lost. If u's list is full too, u's farthest link is dropped; that cannot cut off a
//      reachable node either, as no path from the entry point ran through the unreachable u.
//      u gets an out-link to v if it has none. Then u and everything reachable from u are marked.
//   So the reachable set only grows and one pass in id order attaches every node; a final flood
//   checks it (passes are bounded in case a damaged graph breaks that argument).
// One flood per add() when nothing is unreachable: O(nodes + links), single-threaded and
// deterministic. Polls `stop` per repaired node. The layout does not change, only link lists.
#include <algorithm>
#include <limits>

#include "hnsw_internal.h"
#include "vecgres/hnsw.h"

namespace vecgres {

namespace {
constexpr int kMaxRepairPasses = 4;
}  // namespace

struct HnswIndex::Repairer {
  HnswIndex& ix;
  const DistanceComputer& dc;
  const uint32_t n;
  const uint32_t mmax0;
  std::vector<uint8_t> reach;   // 1 = reachable in layer 0 from the entry point
  std::vector<uint32_t> stack;
  VisitedList visited;
  MaxHeap top;
  MinHeap cand;
  std::vector<DistNode> found;

  Repairer(HnswIndex& index, const DistanceComputer& d)
      : ix(index), dc(d), n(index.n_), mmax0(2 * index.params_.m) {}

  // Marks `from` and every unmarked node reachable from it; returns how many were marked.
  size_t flood(uint32_t from) {
    if (reach[from]) return 0;
    reach[from] = 1;
    size_t marked = 1;
    stack.assign(1, from);
    while (!stack.empty()) {
      const uint32_t u = stack.back();
      stack.pop_back();
      const uint32_t* l = ix.links0(u);
      for (uint32_t j = 1; j <= l[0]; ++j) {
        const uint32_t v = l[j];
        if (v < n && !reach[v]) {
          reach[v] = 1;
          ++marked;
          stack.push_back(v);
        }
      }
    }
    return marked;
  }

  // u's nearest reachable nodes into `found`, nearest first (ef_construction of them). The walk starts at the (reachable)
  // entry point and follows links, so in layer 0 it sees reachable nodes only; the descent
  // through the upper layers skips unreachable nodes explicitly.
  void nearest_reachable(uint32_t u) {
    const HnswQuery q = dc.query_row(u);
    uint32_t ep = ix.entry_;
    float best = dc(q, ep);
    for (int level = ix.max_level_; level > 0; --level) {
      bool changed = true;
      while (changed) {
        changed = false;
        const uint32_t* l = ix.links(ep, level);
        for (uint32_t j = 1; j <= l[0]; ++j) {
          const uint32_t v = l[j];
          if (v >= n || !reach[v]) continue;
          const float d = dc(q, v);
          if (d < best) {
            best = d;
            ep = v;
            changed = true;
          }
        }
      }
    }
    const size_t ef = ix.params_.ef_construction;
    visited.reset(n);
    top.clear();
    cand.clear();
    visited.test_and_set(ep);
    visited.test_and_set(u);
    top.push({best, ep});
    cand.push({best, ep});
    float lower = best;
    while (!cand.empty()) {
      const DistNode c = cand.top();
      if (c.first > lower && top.size() >= ef) break;
      cand.pop();
      const uint32_t* l = ix.links0(c.second);
      for (uint32_t j = 1; j <= l[0]; ++j) {
        const uint32_t v = l[j];
        if (v >= n || !reach[v] || visited.test_and_set(v)) continue;
        const float d = dc(q, v);
        if (top.size() < ef || d < lower) {
          cand.push({d, v});
          top.push({d, v});
          if (top.size() > ef) top.pop();
          lower = top.top().first;
        }
      }
    }
    found.assign(top.v.begin(), top.v.end());
    std::sort(found.begin(), found.end());
  }

  // Slot (1-based) of node x's link farthest from x.
  uint32_t farthest_slot(uint32_t x) const {
    const uint32_t* l = ix.links0(x);
    const HnswQuery xq = dc.query_row(x);
    uint32_t slot = 1;
    float far = -std::numeric_limits<float>::infinity();
    for (uint32_t j = 1; j <= l[0]; ++j) {
      if (l[j] >= n) return j;  // a damaged entry is the first to go
      const float d = dc(xq, l[j]);
      if (d > far) {
        far = d;
        slot = j;
      }
    }
    return slot;
  }

  // Adds `to` to x's list (x's farthest link makes room when the list is full).
  void add_link(uint32_t x, uint32_t to) {
    uint32_t* l = ix.links0_mut(x);
    if (std::find(l + 1, l + 1 + l[0], to) != l + 1 + l[0]) return;
    if (l[0] < mmax0) {
      l[++l[0]] = to;
    } else {
      l[farthest_slot(x)] = to;
    }
  }

  // Gives unreachable node u an in-link from its nearest reachable node v (see the top).
  void attach(uint32_t u) {
    nearest_reachable(u);
    const uint32_t v = found.front().second;  // found holds at least the entry point
    uint32_t* lv = ix.links0_mut(v);
    if (lv[0] < mmax0) {
      lv[++lv[0]] = u;
    } else {
      const uint32_t slot = farthest_slot(v);
      const uint32_t w = lv[slot];
      lv[slot] = u;
      if (w < n) add_link(u, w);
    }
    if (ix.links0(u)[0] == 0) add_link(u, v);
  }

  Status run(const volatile int32_t* stop, uint32_t* repaired) {
    *repaired = 0;
    for (int pass = 0; pass < kMaxRepairPasses; ++pass) {
      reach.assign(n, 0);
      if (flood(ix.entry_) == n) return Status::ok();
      for (uint32_t u = 0; u < n; ++u) {
        if (reach[u]) continue;
        if (stop != nullptr && *stop != 0) return Status::cancelled();
        attach(u);
        ++*repaired;
        flood(u);
      }
    }
    return Status::ok();
  }
};

Status HnswIndex::repair(const DistanceComputer& dc, const volatile int32_t* stop) {
  repaired_ = 0;
  if (!params_.repair || n_ < 2 || entry_ == kHnswNoNode) return Status::ok();
  Repairer r(*this, dc);
  return r.run(stop, &repaired_);
}

uint32_t HnswIndex::unreachable_nodes() const {
  std::shared_lock<std::shared_mutex> lock(rw_);
  if (n_ == 0 || entry_ >= n_) return n_;
  std::vector<uint8_t> reach(n_, 0);
  std::vector<uint32_t> stack(1, entry_);
  reach[entry_] = 1;
  uint32_t reached = 1;
  while (!stack.empty()) {
    const uint32_t u = stack.back();
    stack.pop_back();
    const uint32_t* l = links0(u);
    for (uint32_t j = 1; j <= l[0]; ++j) {
      const uint32_t v = l[j];
      if (v < n_ && !reach[v]) {
        reach[v] = 1;
        ++reached;
        stack.push_back(v);
      }
    }
  }
  return n_ - reached;
}

}  // namespace vecgres
