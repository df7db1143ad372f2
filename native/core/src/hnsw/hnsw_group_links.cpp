// Payload links (Qdrant's payload_m): for each group of nodes (e.g. every row with label = 3),
// links among the group's nodes only, so a filter selecting the group keeps a connected
// subgraph however small the group is relative to the segment.
//
// Each group is built like one HNSW layer 0 over the group alone (a flat NSW): nodes are
// inserted in ascending id order; each one runs an ef_construction beam search over the group
// nodes inserted before it (entry: the group's first node), keeps m neighbours by hnswlib's
// heuristic, and links back to them, re-pruning a full list (2m) by the same heuristic. The
// group's adjacency is held in local indices; the merge turns it into node ids and appends it
// to the node's payload-link list (a node in several groups gets the union of its lists).
//
// Which groups to build is the caller's choice; the recommended rule (Qdrant's, build.rs):
// build a group when  full_scan_rows / 4 < |group| <= nodes / avg_degree * 4  (avg_degree ~ m):
// smaller groups are searched exactly by the planner, larger ones are already connected in
// the main graph (percolation), so extra links would only cost memory.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>

#include "hnsw_internal.h"
#include "vecgres/hnsw.h"

namespace vecgres {
namespace {

struct GroupScratch {
  VisitedList visited;
  MaxHeap top;
  MinHeap cand;
  std::vector<DistNode> sel, tmp;
};

// Links among g[0 .. s) (node ids). adj: local lists, stride 1 + 2m: [count, local ids...].
// Returns false when `stop` was raised.
bool build_group(const DistanceComputer& dc, const uint32_t* g, uint32_t s, uint32_t m, size_t efc,
                 std::vector<uint32_t>& adj, GroupScratch& w, const volatile int32_t* stop,
                 std::atomic<uint64_t>& progress) {
  const size_t stride = 1 + 2 * size_t{m};
  const size_t mmax = 2 * size_t{m};
  adj.assign(size_t(s) * stride, 0);
  auto row = [g](uint32_t j) { return g[j]; };
  for (uint32_t i = 1; i < s; ++i) {
    if (stop != nullptr && *stop != 0) return false;
    const HnswQuery q = dc.query_row(g[i]);
    w.top.clear();
    w.cand.clear();
    w.visited.reset(s);
    const float d0 = dc(q, g[0]);
    w.visited.test_and_set(0);
    w.top.push({d0, 0});
    w.cand.push({d0, 0});
    float lower = d0;
    while (!w.cand.empty()) {
      const DistNode c = w.cand.top();
      if (c.first > lower && w.top.size() >= efc) break;
      w.cand.pop();
      const uint32_t* l = adj.data() + size_t(c.second) * stride;
      for (uint32_t j = 1; j <= l[0]; ++j) {
        const uint32_t v = l[j];
        if (w.visited.test_and_set(v)) continue;
        const float d = dc(q, g[v]);
        if (w.top.size() < efc || d < lower) {
          w.cand.push({d, v});
          w.top.push({d, v});
          if (w.top.size() > efc) w.top.pop();
          lower = w.top.top().first;
        }
      }
    }
    w.sel.assign(w.top.v.begin(), w.top.v.end());
    std::sort(w.sel.begin(), w.sel.end());
    select_heuristic(dc, w.sel, m, row);
    uint32_t* li = adj.data() + size_t(i) * stride;
    li[0] = static_cast<uint32_t>(w.sel.size());
    for (size_t j = 0; j < w.sel.size(); ++j) li[1 + j] = w.sel[j].second;
    for (const DistNode& e : w.sel) {
      uint32_t* l = adj.data() + size_t(e.second) * stride;
      const uint32_t cnt = l[0];
      if (cnt < mmax) {
        l[1 + cnt] = i;
        l[0] = cnt + 1;
        continue;
      }
      const HnswQuery eq = dc.query_row(g[e.second]);
      w.tmp.clear();
      w.tmp.push_back({e.first, i});
      for (uint32_t j = 1; j <= cnt; ++j) w.tmp.push_back({dc(eq, g[l[j]]), l[j]});
      std::sort(w.tmp.begin(), w.tmp.end());
      select_heuristic(dc, w.tmp, mmax, row);
      l[0] = static_cast<uint32_t>(w.tmp.size());
      for (size_t j = 0; j < w.tmp.size(); ++j) l[1 + j] = w.tmp[j].second;
    }
    progress.fetch_add(1, std::memory_order_relaxed);
  }
  return true;
}

}  // namespace

Status HnswIndex::add_group_links(const KernelTable& kt, const HnswArena& arena, const uint32_t* positions,
                                  const uint32_t* offsets, size_t groups, const HnswGroupLinkParams& p,
                                  unsigned threads, const volatile int32_t* stop) {
  std::unique_lock<std::shared_mutex> lock(rw_);
  if (broken_) return Status::invalid("hnsw: the index is unusable after a cancelled build");
  if (p.m < 2 || p.m > kHnswMaxM) return Status::invalid("hnsw: payload m must be in [2, 100]");
  const size_t efc = p.ef_construction == 0 ? params_.ef_construction : p.ef_construction;
  if (efc < p.m || efc > kHnswMaxEf) return Status::invalid("hnsw: payload ef_construction must be in [m, 100000]");
  if (offsets == nullptr) return Status::invalid("hnsw: null group offsets");
  if (offsets[0] != 0) return Status::invalid("hnsw: group offsets must start at 0");
  for (size_t gi = 0; gi < groups; ++gi) {
    if (offsets[gi + 1] < offsets[gi]) return Status::invalid("hnsw: group offsets must not decrease");
  }
  const size_t total = offsets[groups];
  if (total > 0 && positions == nullptr) return Status::invalid("hnsw: null group positions");
  for (size_t gi = 0; gi < groups; ++gi) {
    for (size_t j = offsets[gi]; j < offsets[gi + 1]; ++j) {
      if (positions[j] >= n_) return Status::invalid("hnsw: a group position is not a node of the graph");
      if (j > offsets[gi] && positions[j] <= positions[j - 1]) {
        return Status::invalid("hnsw: the positions of a group must be strictly ascending");
      }
    }
  }
  if (n_ > 0 && (arena.data == nullptr || arena.n_rows < n_)) {
    return Status::invalid("hnsw: the arena has fewer rows than the graph has nodes");
  }
  const size_t rb = row_bytes(params_.type, params_.dim);
  if (arena.row_stride != 0 && arena.row_stride < rb) return Status::invalid("hnsw: row stride below row size");
  progress_.store(0, std::memory_order_relaxed);
  if (stop != nullptr && *stop != 0) return Status::cancelled();

  const DistanceComputer dc(kt, params_, arena, norms_);
  std::vector<std::vector<uint32_t>> adj(groups);
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<size_t>(threads, std::max<size_t>(1, groups)));
  std::atomic<size_t> next{0};
  std::atomic<bool> cancelled{false};
  auto work = [&]() {
    GroupScratch w;
    for (;;) {
      const size_t gi = next.fetch_add(1);
      if (gi >= groups || cancelled.load()) return;
      const uint32_t s = offsets[gi + 1] - offsets[gi];
      if (!build_group(dc, positions + offsets[gi], s, p.m, efc, adj[gi], w, stop, progress_)) {
        cancelled.store(true);
        return;
      }
    }
  };
  std::vector<std::thread> pool;
  try {
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  } catch (const std::exception&) {
    // Fewer threads than asked: the ones running finish the work.
  }
  work();
  for (std::thread& t : pool) t.join();
  if (cancelled.load()) return Status::cancelled();

  // Merge: node i's new list = its earlier payload links, then each group's (as node ids),
  // without duplicates (overlapping groups may link the same pair).
  const size_t stride = 1 + 2 * size_t{p.m};
  std::vector<uint64_t> off(size_t(n_) + 1, 0);  // 64-bit while counting; stored as uint32
  for (uint32_t i = 0; i < pn_; ++i) off[i + 1] = static_cast<uint64_t>(std::max<std::ptrdiff_t>(0, plinks_end(i) - plinks_begin(i)));
  for (size_t gi = 0; gi < groups; ++gi) {
    const uint32_t* g = positions + offsets[gi];
    for (uint32_t j = 0; j < offsets[gi + 1] - offsets[gi]; ++j) off[g[j] + 1] += adj[gi][size_t(j) * stride];
  }
  for (size_t i = 0; i < n_; ++i) off[i + 1] += off[i];
  if (off[n_] > UINT32_MAX) return Status::invalid("hnsw: more than 2^32 payload links");
  std::vector<uint32_t> ids(off[n_]);
  std::vector<uint64_t> fill(off.begin(), off.end() - 1);
  for (uint32_t i = 0; i < pn_; ++i) {
    for (const uint32_t* e = plinks_begin(i); e < plinks_end(i); ++e) ids[fill[i]++] = *e;
  }
  for (size_t gi = 0; gi < groups; ++gi) {
    const uint32_t* g = positions + offsets[gi];
    for (uint32_t j = 0; j < offsets[gi + 1] - offsets[gi]; ++j) {
      const uint32_t* l = adj[gi].data() + size_t(j) * stride;
      for (uint32_t e = 1; e <= l[0]; ++e) ids[fill[g[j]]++] = g[l[e]];
    }
    std::vector<uint32_t>().swap(adj[gi]);
  }
  uint64_t w = 0;
  for (size_t i = 0; i < n_; ++i) {
    uint32_t* b = ids.data() + off[i];
    uint32_t* e = ids.data() + off[i + 1];
    std::sort(b, e);
    e = std::unique(b, e);
    off[i] = w;
    for (uint32_t* x = b; x != e; ++x) ids[w++] = *x;
  }
  off[n_] = w;
  ids.resize(w);
  ids.shrink_to_fit();

  materialize();
  own_p_off_.assign(off.begin(), off.end());
  own_p_ids_ = std::move(ids);
  payload_m_ = p.m;
  refresh_views();
  return Status::ok();
}

double HnswIndex::payload_link_share(const uint8_t* allow, size_t allow_bits, size_t sample) const {
  std::shared_lock<std::shared_mutex> lock(rw_);
  const size_t bits = std::min<size_t>(allow_bits, pn_);
  if (allow == nullptr || bits == 0 || sample == 0) return 0;
  size_t seen = 0;
  double share = 0;
  size_t next = 0;  // the sample's nodes are the first allowed ones at or after s * bits / sample
  for (size_t s = 0; s < sample; ++s) {
    size_t i = std::max(next, s * bits / sample);
    while (i < bits && !allowed(allow, allow_bits, static_cast<uint32_t>(i))) {
      // Whole empty bytes at a time.
      if ((i & 7) == 0 && i + 8 <= bits && allow[i >> 3] == 0) {
        i += 8;
      } else {
        ++i;
      }
    }
    if (i >= bits) break;
    next = i + 1;
    ++seen;
    const uint32_t v = static_cast<uint32_t>(i);
    size_t links = 0, in = 0;
    for (const uint32_t* p = plinks_begin(v); p < plinks_end(v); ++p) {
      ++links;
      in += allowed(allow, allow_bits, *p) ? 1 : 0;
    }
    if (links > 0) share += double(in) / double(links);
  }
  return seen == 0 ? 0 : share / double(seen);
}

}  // namespace vecgres
