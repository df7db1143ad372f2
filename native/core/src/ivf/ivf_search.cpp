// IvfIndex::search: per query, rank the centroids, gather the allowed row ids of the `probes`
// nearest lists, and take the exact top-k of those rows with the batched scan kernel
// (scan_topk over an id list: SIMD distances, bounded heap, ties by smaller row id).
#include <cstring>
#include <utility>

#include "ivf_internal.h"

namespace vecgres {

Status IvfIndex::search(const KernelTable& kt, const IvfArena& arena, const IvfSearchArgs& a, uint32_t* out_ids,
                        float* out_dists, uint32_t* out_counts) const {
  if (a.queries == nullptr && a.nq > 0) return Status::invalid("queries is null");
  if (out_counts == nullptr || (a.k > 0 && (out_ids == nullptr || out_dists == nullptr))) {
    return Status::invalid("search outputs are null");
  }
  if (a.probes == 0) return Status::invalid("probes must be at least 1");
  if (a.allow != nullptr && a.allow_bits == 0) return Status::invalid("allow bitmap is empty");
  if (rows_ > arena.n_rows) return Status::invalid("the arena holds fewer rows than the index");
  const size_t d = params_.dim;
  const uint32_t lists = params_.lists;
  const size_t probes = std::min<size_t>(a.probes, lists);
  const float* cents = centroids();
  const uint32_t* off = offsets();
  const uint32_t* members = list_ids();
  std::vector<std::pair<float, uint32_t>> ranked(lists);
  std::vector<uint32_t> cand;
  for (size_t q = 0; q < a.nq; q++) {
    if (a.stop != nullptr && *a.stop != 0) return Status::cancelled();
    uint32_t* ids = out_ids + q * a.k;
    float* dists = out_dists + q * a.k;
    for (size_t j = 0; j < a.k; j++) {
      ids[j] = 0xFFFFFFFFu;
      dists[j] = std::numeric_limits<float>::infinity();
    }
    out_counts[q] = 0;
    if (!trained_ || rows_ == 0 || a.k == 0) continue;
    const float* query = static_cast<const float*>(a.queries) + q * d;
    for (uint32_t c = 0; c < lists; c++) ranked[c] = {ivf::train_distance(kt, params_.metric, query, cents + size_t(c) * d, d), c};
    std::partial_sort(ranked.begin(), ranked.begin() + probes, ranked.end());
    cand.clear();
    for (size_t p = 0; p < probes; p++) {
      const uint32_t l = ranked[p].second;
      for (uint32_t j = off[l]; j < off[l + 1]; j++) {
        const uint32_t id = members[j];
        if (a.allow != nullptr && (id >= a.allow_bits || ((a.allow[id >> 3] >> (id & 7)) & 1) == 0)) continue;
        cand.push_back(id);
      }
    }
    if (cand.empty()) continue;
    ScanArgs s;
    s.type = params_.type;
    s.metric = params_.metric;
    s.dim = d;
    s.queries = query;
    s.nq = 1;
    s.arena = arena.data;
    s.n_rows = arena.n_rows;
    s.row_stride = arena.row_stride;
    s.ids = cand.data();
    s.n_ids = cand.size();
    s.stop = a.stop;
    const Status st = scan_topk(kt, s, a.k, ids, dists, out_counts + q);
    if (!st.is_ok()) return st;
  }
  return Status::ok();
}

}  // namespace vecgres
