// Two-hop filtered search (ACORN-1, with the budget rules of Lucene's
// FilteredHnswGraphSearcher), for selective filters. The plain filtered walk computes a
// distance for every node it reaches, allowed or not, and stops only when ef ALLOWED results
// exist: at 1% selectivity it scores ~100 failing nodes per useful one. Here, expanding c:
//
//   links0(c) ──┬── allowed, unvisited ───────────────────────────▶ to score
//               └── failing, unvisited ── their links0 ─┬─ allowed ─▶ to score (budget)
//                                                       └─ failing ─▶ explored too while
//                                                          fewer than min_score were found
//   plinks(c) ───── allowed, unvisited ───────────────────────────▶ to score
//
// Failing nodes never get a distance and never become candidates; the candidate queue holds
// allowed nodes only (plus the layer-0 entry, which the unfiltered descent chose). Unlike
// Lucene, a failing node counts as visited only once its links were read, so a path through
// it stays open for a later expansion (measured: +3-6 points of recall@10 at 2-10%). Budgets,
// with r = allowed / nodes and M = m (layer 0 holds 2M):
//   mult      = round(min(1 / r, M / 2))              how much wider than one hop to look
//   max_score = neighbours * min(mult, 1 / (1 - f))   f = failing share of c's unvisited links
//   min_score = round(min(max(0, 1 / r - 2M), M))     below it, failing 2-hop nodes are
//                                                     explored as well (very sparse filters)
//   explored nodes per expansion <= 2M * mult; no 2-hop step when f <= 0.1.
// Results follow the filtered rule: stop when ef allowed results exist and the nearest
// candidate is farther than the worst of them.
//
// Reseeding: a walk that only steps through allowed nodes (and short failing paths) can run
// out of candidates before ef results exist, when the allowed nodes near the entry form an
// island or lie elsewhere (a filter correlated with the vectors). Then the next unvisited
// allowed nodes of the bitmap, in id order, are scored and become candidates, and the walk
// goes on; so it never ends short while allowed nodes remain, and its cost is bounded by the
// allowed count plus the link reads, never the whole graph (unlike the plain filtered walk).
#include <algorithm>
#include <cmath>
#include <limits>

#include "hnsw_internal.h"
#include "vecgres/hnsw.h"

namespace vecgres {

size_t HnswIndex::search_two_hop(const DistanceComputer& dc, const HnswQuery& q, size_t k, size_t ef,
                                 const uint8_t* allow, size_t allow_bits, double ratio, MaxHeap& top,
                                 MinHeap& cand, std::vector<uint32_t>& scratch, uint32_t* ids, float* dists,
                                 size_t* ndist) const {
  VisitedLease visited(*visited_, n_);
  top.clear();
  cand.clear();
  const double m = params_.m;
  const double inv_r = ratio > 0 ? 1.0 / ratio : 1e9;
  const size_t mult = static_cast<size_t>(std::max(1.0, std::round(std::min(inv_r, m / 2.0))));
  const size_t min_score = static_cast<size_t>(std::round(std::min(std::max(0.0, inv_r - 2.0 * m), m)));
  const size_t budget = size_t(s0_ - 1) * mult;  // explored nodes per expansion
  const uint32_t ep = greedy_descend(dc, q, entry_, max_level_, 0, ndist);
  const float d0 = dc(q, ep);
  size_t nd = 1;
  visited->test_and_set(ep);
  cand.push({d0, ep});
  float lower = std::numeric_limits<float>::infinity();
  if (allowed(allow, allow_bits, ep)) {
    top.push({d0, ep});
    lower = d0;
  }
  auto score_one = [&](uint32_t v) {
    const float d = dc(q, v);
    ++nd;
    if (top.size() < ef || d < lower) {
      cand.push({d, v});
      top.push({d, v});
      if (top.size() > ef) top.pop();
      lower = top.top().first;
    }
  };
  std::vector<uint32_t>& score = scratch;
  std::vector<uint32_t> explore;  // failing nodes whose links are read (a FIFO: `head`)
  explore.reserve(budget);
  // The reseeding sweep: next byte of `allow` to look at.
  const size_t allow_bytes = (std::min<size_t>(allow_bits, n_) + 7) / 8;
  size_t sweep = 0;
  for (;;) {
    if (cand.empty()) {
      if (top.size() >= ef) break;
      // Reseed with up to 2M unvisited allowed nodes from the sweep position.
      const size_t cap = s0_ - 1;
      size_t seeded = 0;
      for (; sweep < allow_bytes && seeded < cap; ++sweep) {
        uint32_t byte = allow[sweep];
        while (byte != 0 && seeded < cap) {
          const uint32_t v = static_cast<uint32_t>(sweep * 8 + __builtin_ctz(byte));
          byte &= byte - 1;
          if (v >= n_ || !allowed(allow, allow_bits, v) || visited->test_and_set(v)) continue;
          score_one(v);
          ++seeded;
        }
        if (byte != 0) break;  // the cap was reached inside this byte: look at it again next time
      }
      if (seeded == 0) break;  // every allowed node was visited
      continue;
    }
    const DistNode c = cand.top();
    if (c.first > lower && top.size() >= ef) break;
    cand.pop();
    score.clear();
    explore.clear();
    const uint32_t* l = links0(c.second);
    const uint32_t cnt = l[0];
    for (uint32_t j = 1; j <= cnt; ++j) {
      const uint32_t v = l[j];
      if (v >= n_ || visited->test_and_set(v)) continue;
      if (allowed(allow, allow_bits, v)) {
        score.push_back(v);
      } else {
        explore.push_back(v);
      }
    }
    if (c.second < pn_) {
      const uint32_t* end = plinks_end(c.second);
      for (const uint32_t* p = plinks_begin(c.second); p < end; ++p) {
        const uint32_t v = *p;
        if (v < n_ && allowed(allow, allow_bits, v) && !visited->test_and_set(v)) score.push_back(v);
      }
    }
    const double filtered = cnt > 0 ? double(explore.size()) / cnt : 0.0;
    const size_t max_score = static_cast<size_t>(
        cnt * std::min(double(mult), filtered < 1.0 ? 1.0 / (1.0 - filtered) : double(mult)));
    size_t explored = score.size() + explore.size();
    size_t head = 0;
    if (score.size() < max_score && filtered > 0.10) {
      for (; head < explore.size() && explored < budget && score.size() < max_score; ++head) {
        const uint32_t* l2 = links0(explore[head]);
        const uint32_t cnt2 = l2[0];
        for (uint32_t j = 1; j <= cnt2 && score.size() < max_score; ++j) {
          const uint32_t v = l2[j];
          if (v >= n_) continue;
          if (allowed(allow, allow_bits, v)) {
            if (visited->test_and_set(v)) continue;
            ++explored;
            score.push_back(v);
          } else if (explored < budget && score.size() < min_score && !visited->test_and_set(v)) {
            ++explored;
            explore.push_back(v);
          }
        }
      }
    }
    // Failing nodes whose links were not read stay unvisited: a later expansion may read them
    // (marking them would cut the walk's paths through them for good).
    for (; head < explore.size(); ++head) visited->clear(explore[head]);
    for (size_t j = 0; j < score.size() && j < kHnswLookahead; ++j) dc.prefetch(score[j]);
    for (size_t j = 0; j < score.size(); ++j) {
      if (j + kHnswLookahead < score.size()) dc.prefetch(score[j + kHnswLookahead]);
      score_one(score[j]);
    }
  }
  *ndist += nd;
  return drain_results(top, k, ids, dists);
}

}  // namespace vecgres
