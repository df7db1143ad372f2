// Resumable (iterative) HNSW scan, for pgvector's hnsw.iterative_scan.
//
//   first next():  greedy descent, then a best-first walk of layer 0 exactly like a search with
//                  `ef`; allowed nodes go to `pending`, EVERY visited node to the frontier.
//   later next():  the walk resumes from the frontier (the candidates a plain search would have
//                  discarded), until ef more allowed nodes were found and the nearest frontier
//                  node is farther than all of them; then the nearest pending results are
//                  returned. Order is therefore relaxed across batches (as pgvector's).
//   frontier empty: unvisited nodes are swept in id order as new seeds, so a scan run to the
//                  end returns every allowed node exactly once even if some were unreachable.
// `max_visited` bounds the nodes whose distance is computed (hnsw.max_scan_tuples).
// With an allow bitmap, payload links to allowed nodes are followed as well; with two_hop, a
// failing neighbour gets no distance and its own neighbours are looked through for allowed
// nodes (hnsw_search_two_hop.cpp without the per-expansion budget), and the sweep seeds
// allowed nodes only.
#include <cstring>
#include <limits>

#include "hnsw_internal.h"
#include "vecgres/hnsw.h"

namespace vecgres {

struct HnswScan::State {
  std::vector<uint8_t> query;
  std::vector<uint8_t> allow;  // empty: everything allowed
  size_t allow_bits = 0;
  size_t ef = 40;
  uint64_t max_visited = 0;
  uint32_t n = 0;              // nodes when the scan began (later inserts are not returned)
  bool started = false;
  bool two_hop = false;
  uint32_t sweep = 0;          // next id the sweep looks at
  std::vector<uint8_t> visited;  // 1 = scored, 2 = failing node whose links were read
  MinHeap frontier;
  MinHeap pending;

  bool allowed(uint32_t i) const {
    return allow_bits == SIZE_MAX || (i < allow_bits && (allow[i >> 3] >> (i & 7)) & 1);
  }
};

HnswScan::HnswScan(std::shared_ptr<const HnswIndex> index, const void* query, size_t ef,
                   const uint8_t* allow, size_t allow_bits, uint64_t max_visited, bool two_hop)
    : index_(std::move(index)), st_(std::make_unique<State>()) {
  State& s = *st_;
  s.two_hop = two_hop && allow != nullptr;
  const size_t rb = row_bytes(index_->params_.type, index_->params_.dim);
  s.query.assign(static_cast<const uint8_t*>(query), static_cast<const uint8_t*>(query) + rb);
  if (allow != nullptr) {
    s.allow.assign(allow, allow + (allow_bits + 7) / 8);
    s.allow_bits = allow_bits;
  } else {
    s.allow_bits = SIZE_MAX;
  }
  s.ef = std::max<size_t>(ef, 1);
  s.max_visited = max_visited == 0 ? UINT64_MAX : max_visited;
}

HnswScan::~HnswScan() = default;

Status HnswScan::next(const KernelTable& kt, const HnswArena& arena, size_t n_out, uint32_t* ids, float* dists,
                      size_t* count) {
  const HnswIndex& ix = *index_;
  std::shared_lock<std::shared_mutex> lock(ix.rw_);
  State& s = *st_;
  *count = 0;
  if (!s.started) {
    s.n = ix.n_;
    s.visited.assign(s.n, 0);
  }
  if (ix.broken_) return Status::invalid("hnsw: the index is unusable after a cancelled build");
  if (s.n > 0 && (arena.data == nullptr || arena.n_rows < s.n)) {
    return Status::invalid("hnsw: the arena has fewer rows than the graph has nodes");
  }
  if (n_out > 0 && (ids == nullptr || dists == nullptr)) return Status::invalid("hnsw: null outputs");
  if (exhausted_ || n_out == 0) return Status::ok();
  const DistanceComputer dc(kt, ix.params_, arena, ix.norms_);
  const HnswQuery q = dc.query(s.query.data());

  auto visit = [&](uint32_t v, MaxHeap* window) {
    s.visited[v] = 1;
    ++visited_count_;
    const float d = dc(q, v);
    s.frontier.push({d, v});
    if (s.allowed(v)) {
      s.pending.push({d, v});
      if (window != nullptr) {
        window->push({d, v});
        if (window->size() > s.ef) window->pop();
      }
    }
  };
  if (!s.started) {
    s.started = true;
    if (s.n > 0) visit(ix.greedy_descend(dc, q, ix.entry_, ix.max_level_, 0), nullptr);
  }

  const bool has_allow = s.allow_bits != SIZE_MAX;
  MaxHeap window;
  while (*count < n_out) {
    window.clear();
    bool more = true;  // something is left to explore
    for (;;) {
      if (visited_count_ >= s.max_visited) {
        more = false;
        break;
      }
      if (s.frontier.empty()) {
        // Two-hop walks stay inside the allowed nodes, which may lie anywhere: seed 2m of them
        // at once (in id order, so spread over the space) rather than one, as the search does.
        const uint32_t seeds = s.two_hop ? 2 * ix.params_.m : 1;
        uint32_t seeded = 0;
        for (; seeded < seeds && visited_count_ < s.max_visited; ++seeded) {
          while (s.sweep < s.n && (s.visited[s.sweep] || (s.two_hop && !s.allowed(s.sweep)))) ++s.sweep;
          if (s.sweep >= s.n) break;
          visit(s.sweep, &window);
        }
        if (seeded == 0) {
          more = false;
          break;
        }
        continue;
      }
      const DistNode c = s.frontier.top();
      if (window.size() >= s.ef && c.first > window.top().first) break;
      s.frontier.pop();
      const uint32_t* l = ix.links0(c.second);
      const uint32_t cnt = l[0];
      for (uint32_t j = 1; j <= cnt; ++j) {
        const uint32_t v = l[j];
        if (v >= s.n || s.visited[v]) continue;
        if (visited_count_ >= s.max_visited) break;
        if (!s.two_hop || s.allowed(v)) {
          visit(v, &window);
          continue;
        }
        s.visited[v] = 2;
        const uint32_t* l2 = ix.links0(v);
        for (uint32_t i = 1; i <= l2[0] && visited_count_ < s.max_visited; ++i) {
          const uint32_t w = l2[i];
          if (w < s.n && !s.visited[w] && s.allowed(w)) visit(w, &window);
        }
      }
      if (has_allow && c.second < ix.pn_) {
        const uint32_t* end = ix.plinks_end(c.second);
        for (const uint32_t* p = ix.plinks_begin(c.second); p < end && visited_count_ < s.max_visited; ++p) {
          if (*p < s.n && !s.visited[*p] && s.allowed(*p)) visit(*p, &window);
        }
      }
    }
    while (*count < n_out && !s.pending.empty()) {
      ids[*count] = s.pending.top().second;
      dists[*count] = s.pending.top().first;
      ++*count;
      s.pending.pop();
    }
    if (!more && s.pending.empty()) {
      exhausted_ = true;
      break;
    }
  }
  return Status::ok();
}

}  // namespace vecgres
