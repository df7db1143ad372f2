// HNSW construction: hnswlib's addPoint (greedy descent, ef_construction beam per layer,
// heuristic neighbour selection, mutual links with re-pruning), multi-threaded with per-node
// locks. Levels are drawn from the seeded generator before any insert, so a single-threaded
// build is reproducible; with several threads the insertion interleaving varies. Every add()
// ends with the reachability repair (hnsw_repair.cpp).
#include <algorithm>
#include <thread>

#include "hnsw_internal.h"
#include "vecgres/hnsw.h"

namespace vecgres {

struct HnswIndex::Builder {
  HnswIndex& ix;
  const DistanceComputer& dc;
  std::unique_ptr<std::mutex[]> locks;
  std::mutex global;  // guards entry_ / max_level_ updates

  Builder(HnswIndex& index, const DistanceComputer& d, uint32_t n)
      : ix(index), dc(d), locks(new std::mutex[n]) {}

  // A copy of node i's links at `level`, taken under its lock (another thread may rewrite them).
  uint32_t read_links(uint32_t i, int level, uint32_t* buf) {
    std::lock_guard<std::mutex> lock(locks[i]);
    const uint32_t* l = ix.links(i, level);
    const uint32_t cnt = l[0];
    std::copy(l + 1, l + 1 + cnt, buf);
    return cnt;
  }

  // The ef_construction beam at one layer; returns the nearest `ef` found (max-heap in top).
  void search_layer(const HnswQuery& q, uint32_t ep, int level, size_t ef, MaxHeap& top, MinHeap& cand,
                    VisitedList& visited, uint32_t* buf) {
    top.clear();
    cand.clear();
    visited.reset(ix.n_);
    const float d0 = dc(q, ep);
    visited.test_and_set(ep);
    top.push({d0, ep});
    cand.push({d0, ep});
    float lower = d0;
    while (!cand.empty()) {
      const DistNode c = cand.top();
      if (c.first > lower && top.size() >= ef) break;
      cand.pop();
      const uint32_t cnt = read_links(c.second, level, buf);
      // Unvisited neighbours first (compacted in place), then scored with rows prefetched
      // kHnswLookahead ahead, as the query-time search does.
      uint32_t nf = 0;
      for (uint32_t j = 0; j < cnt; ++j) {
        if (!visited.test_and_set(buf[j])) buf[nf++] = buf[j];
      }
      for (uint32_t j = 0; j < nf && j < kHnswLookahead; ++j) dc.prefetch(buf[j]);
      for (uint32_t j = 0; j < nf; ++j) {
        if (j + kHnswLookahead < nf) dc.prefetch(buf[j + kHnswLookahead]);
        const uint32_t v = buf[j];
        const float d = dc(q, v);
        if (top.size() < ef || d < lower) {
          cand.push({d, v});
          top.push({d, v});
          if (top.size() > ef) top.pop();
          lower = top.top().first;
        }
      }
    }
  }

  void heuristic(std::vector<DistNode>& sorted, size_t m) {
    select_heuristic(dc, sorted, m, [](uint32_t i) { return i; });
  }

  // Links node i to its selected neighbours at `level` and back; returns the nearest selected.
  uint32_t connect(uint32_t i, int level, MaxHeap& top, std::vector<DistNode>& sel,
                   std::vector<DistNode>& tmp) {
    const size_t mmax = level == 0 ? 2 * ix.params_.m : ix.params_.m;
    sel.assign(top.v.begin(), top.v.end());
    std::sort(sel.begin(), sel.end());
    heuristic(sel, ix.params_.m);
    {
      std::lock_guard<std::mutex> lock(locks[i]);
      uint32_t* l = ix.links_mut(i, level);
      l[0] = static_cast<uint32_t>(sel.size());
      for (size_t j = 0; j < sel.size(); ++j) l[1 + j] = sel[j].second;
    }
    for (const DistNode& s : sel) {
      std::lock_guard<std::mutex> lock(locks[s.second]);
      uint32_t* l = ix.links_mut(s.second, level);
      const uint32_t cnt = l[0];
      if (std::find(l + 1, l + 1 + cnt, i) != l + 1 + cnt) continue;
      if (cnt < mmax) {
        l[1 + cnt] = i;
        l[0] = cnt + 1;
        continue;
      }
      const HnswQuery sq = dc.query_row(s.second);
      tmp.clear();
      tmp.push_back({dc(sq, i), i});
      for (uint32_t j = 1; j <= cnt; ++j) tmp.push_back({dc(sq, l[j]), l[j]});
      std::sort(tmp.begin(), tmp.end());
      heuristic(tmp, mmax);
      l[0] = static_cast<uint32_t>(tmp.size());
      for (size_t j = 0; j < tmp.size(); ++j) l[1 + j] = tmp[j].second;
    }
    return sel.empty() ? kHnswNoNode : sel.front().second;
  }

  void insert(uint32_t i, VisitedList& visited, MaxHeap& top, MinHeap& cand, std::vector<DistNode>& sel,
              std::vector<DistNode>& tmp, uint32_t* buf) {
    const int level = ix.levels_[i];
    const HnswQuery q = dc.query_row(i);
    std::unique_lock<std::mutex> glock(global);
    const int max_level = ix.max_level_;
    uint32_t ep = ix.entry_;
    if (level <= max_level) glock.unlock();  // keep it only if i becomes the new entry point

    float best = dc(q, ep);
    for (int lc = max_level; lc > level; --lc) {
      bool changed = true;
      while (changed) {
        changed = false;
        const uint32_t cnt = read_links(ep, lc, buf);
        for (uint32_t j = 0; j < cnt; ++j) {
          const float d = dc(q, buf[j]);
          if (d < best) {
            best = d;
            ep = buf[j];
            changed = true;
          }
        }
      }
    }
    for (int lc = std::min(level, max_level); lc >= 0; --lc) {
      search_layer(q, ep, lc, ix.params_.ef_construction, top, cand, visited, buf);
      const uint32_t next = connect(i, lc, top, sel, tmp);
      if (next != kHnswNoNode) ep = next;
    }
    if (level > max_level) {
      ix.entry_ = i;
      ix.max_level_ = level;
    }
  }
};

Status HnswIndex::add(const KernelTable& kt, const HnswArena& arena, uint32_t from, uint32_t to,
                      unsigned threads, const volatile int32_t* stop) {
  std::unique_lock<std::shared_mutex> lock(rw_);
  if (broken_) return Status::invalid("hnsw: the index is unusable after a cancelled build");
  if (from != n_) return Status::invalid("hnsw: add must start at the current node count");
  if (to < from || to == kHnswNoNode) return Status::invalid("hnsw: bad row range");
  if (arena.data == nullptr && to > 0) return Status::invalid("hnsw: null arena");
  if (arena.n_rows < to) return Status::invalid("hnsw: the arena has fewer rows than the range");
  const size_t rb = row_bytes(params_.type, params_.dim);
  if (arena.row_stride != 0 && arena.row_stride < rb) return Status::invalid("hnsw: row stride below row size");
  progress_.store(0, std::memory_order_relaxed);
  if (stop != nullptr && *stop != 0) return Status::cancelled();
  if (to == from) return Status::ok();

  materialize();
  grow(to);
  n_ = to;
  if (norms_ != nullptr) {
    // Inverse norms of the new rows first: every distance of the inserts below uses them.
    const DistanceComputer raw(kt, params_, arena, nullptr);
    for (uint32_t i = from; i < to; ++i) own_norms_[i] = raw.inverse_norm(raw.row(i));
  }
  DistanceComputer dc(kt, params_, arena, norms_);
  Builder b(*this, dc, to);
  uint32_t start = from;
  if (entry_ == kHnswNoNode) {
    entry_ = from;
    max_level_ = levels_[from];
    start = from + 1;
    progress_.fetch_add(1, std::memory_order_relaxed);
  }
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, std::max<uint32_t>(1, (to - start) / 64 + 1));

  std::atomic<uint32_t> next{start};
  std::atomic<bool> cancelled{false};
  auto work = [&]() {
    VisitedList visited;
    MaxHeap top;
    MinHeap cand;
    std::vector<DistNode> sel, tmp;
    std::vector<uint32_t> buf(2 * params_.m + 1);
    for (;;) {
      if (stop != nullptr && *stop != 0) {
        cancelled.store(true);
        return;
      }
      const uint32_t i = next.fetch_add(1);
      if (i >= to) return;
      b.insert(i, visited, top, cand, sel, tmp, buf.data());
      progress_.fetch_add(1, std::memory_order_relaxed);
    }
  };
  std::vector<std::thread> pool;
  try {
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  } catch (const std::exception&) {
    // Fewer threads than asked (the system refused one): the ones running finish the work.
  }
  work();
  for (std::thread& t : pool) t.join();
  if (cancelled.load()) {
    broken_ = true;
    return Status::cancelled();
  }
  // Nodes whose in-links were all pruned away are unreachable: re-attach them (single-threaded
  // after the join, so a seeded single-threaded build stays reproducible).
  const Status repaired = repair(dc, stop);
  if (!repaired.is_ok()) broken_ = true;
  return repaired;
}

}  // namespace vecgres
