// HNSW reachability repair: graphs whose pruning left nodes without a path from the entry point
// (exact duplicates, near-duplicate clusters, m = 2, several threads). Without the repair some
// node is never returned even at ef = n; with it every node is, and ef >= n equals brute force.
#include <algorithm>
#include <cmath>
#include <memory>
#include <random>
#include <vector>

#include "test_framework.h"
#include "vecgres/hnsw.h"

namespace {

using vecgres::HnswArena;
using vecgres::HnswIndex;
using vecgres::HnswParams;
using vecgres::HnswSearchArgs;

// 300 rows in 20 groups of 15 identical vectors (dim 8): each node's 2m slots fill with its
// copies, so the groups cut themselves off from each other.
std::vector<float> duplicates(uint32_t n, uint32_t dim, uint32_t seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<float> g(0.0f, 1.0f);
  const uint32_t groups = n / 15;
  std::vector<float> centres(size_t(groups) * dim), v(size_t(n) * dim);
  for (float& x : centres) x = g(rng);
  for (uint32_t i = 0; i < n; ++i) {
    for (uint32_t j = 0; j < dim; ++j) v[size_t(i) * dim + j] = centres[size_t(i % groups) * dim + j];
  }
  return v;
}

std::vector<float> gaussian(uint32_t n, uint32_t dim, uint32_t seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<float> g(0.0f, 1.0f);
  std::vector<float> v(size_t(n) * dim);
  for (float& x : v) x = g(rng);
  return v;
}

std::unique_ptr<HnswIndex> build(const std::vector<float>& v, uint32_t dim, uint32_t m, unsigned threads,
                                 bool repair, uint64_t seed = 7) {
  HnswParams p;
  p.dim = dim;
  p.m = m;
  p.ef_construction = std::max(m, 16u);
  p.seed = seed;
  p.repair = repair;
  std::unique_ptr<HnswIndex> ix;
  VT_CHECK(HnswIndex::create(p, &ix).is_ok());
  const uint32_t n = static_cast<uint32_t>(v.size() / dim);
  const HnswArena a{reinterpret_cast<const uint8_t*>(v.data()), n, 0};
  VT_CHECK(ix->add(vecgres::active_kernels(), a, 0, n, threads, nullptr).is_ok());
  return ix;
}

// Ids returned by a k = n, ef = n search for each row's own vector: how many rows are never
// returned by any of them (an unreachable node is missed by all).
uint32_t never_returned(HnswIndex& ix, const std::vector<float>& v, uint32_t dim) {
  const uint32_t n = ix.nodes();
  const HnswArena a{reinterpret_cast<const uint8_t*>(v.data()), n, 0};
  std::vector<uint8_t> seen(n, 0);
  std::vector<uint32_t> ids(n), count(1);
  std::vector<float> d(n);
  for (uint32_t q = 0; q < n; ++q) {
    HnswSearchArgs s;
    s.queries = &v[size_t(q) * dim];
    s.k = n;  // k = n (not 1): with duplicates a row's own vector may return a copy first
    s.ef = n;
    VT_CHECK(ix.search(vecgres::active_kernels(), a, s, ids.data(), d.data(), count.data()).is_ok());
    for (uint32_t r = 0; r < count[0]; ++r) seen[ids[r]] = 1;
  }
  return static_cast<uint32_t>(std::count(seen.begin(), seen.end(), uint8_t{0}));
}

VT_TEST(hnsw_repair_duplicates_unrepaired_graph_loses_nodes) {
  const uint32_t dim = 8;
  const auto v = duplicates(300, dim, 3);
  auto bad = build(v, dim, 2, 1, false);
  VT_CHECK(bad->stats().repaired == 0);
  const uint32_t unreachable = bad->unreachable_nodes();
  VT_CHECK_MSG(unreachable > 0, "unreachable %u", unreachable);
  VT_CHECK_MSG(never_returned(*bad, v, dim) > 0, "an unrepaired graph returned every node");

  auto good = build(v, dim, 2, 1, true);
  VT_CHECK(good->unreachable_nodes() == 0);
  VT_CHECK_MSG(good->stats().repaired > 0, "repaired %u", good->stats().repaired);
  VT_CHECK_MSG(never_returned(*good, v, dim) == 0, "a repaired graph missed a node");
}

VT_TEST(hnsw_repair_is_deterministic_single_threaded) {
  const uint32_t dim = 8;
  const auto v = duplicates(300, dim, 5);
  auto a = build(v, dim, 4, 1, true);
  auto b = build(v, dim, 4, 1, true);
  std::vector<uint8_t> sa(a->serialized_size()), sb(b->serialized_size());
  VT_CHECK(a->serialize(sa.data(), sa.size()).is_ok());
  VT_CHECK(b->serialize(sb.data(), sb.size()).is_ok());
  VT_CHECK(sa == sb);
  VT_CHECK(a->stats().repaired == b->stats().repaired);
  // The repaired links survive the round trip (the format is unchanged).
  std::unique_ptr<HnswIndex> opened;
  VT_CHECK(HnswIndex::open(sa.data(), sa.size(), nullptr, &opened).is_ok());
  VT_CHECK(opened->unreachable_nodes() == 0);
  VT_CHECK(opened->stats().repaired == 0);
}

// 20 seeded builds (100..500 rows, m 2..16, 1..4 threads, plain or clustered data): every node
// reachable, and a search at ef >= n returns the brute-force distances (ties allowed).
VT_TEST(hnsw_repair_exhaustive_search_equals_brute_force) {
  std::mt19937 rng(2026);
  const uint32_t dim = 6;
  for (int b = 0; b < 20; ++b) {
    const uint32_t n = 100 + rng() % 401;
    const uint32_t m = 2 + rng() % 15;
    const unsigned threads = 1 + rng() % 4;
    const auto v = b % 2 == 0 ? gaussian(n, dim, 100 + b) : duplicates(n - n % 15 + 15, dim, 100 + b);
    const uint32_t rows = static_cast<uint32_t>(v.size() / dim);
    auto ix = build(v, dim, m, threads, true, 11 + b);
    VT_CHECK_MSG(ix->unreachable_nodes() == 0, "build %d", b);
    const HnswArena a{reinterpret_cast<const uint8_t*>(v.data()), rows, 0};
    const auto qs = gaussian(10, dim, 900 + b);
    const size_t k = 10;
    std::vector<uint32_t> ids(10 * k), counts(10);
    std::vector<float> d(10 * k);
    HnswSearchArgs s;
    s.queries = qs.data();
    s.nq = 10;
    s.k = k;
    s.ef = rows;
    VT_CHECK(ix->search(vecgres::active_kernels(), a, s, ids.data(), d.data(), counts.data()).is_ok());
    for (size_t q = 0; q < 10; ++q) {
      std::vector<double> all;
      for (uint32_t i = 0; i < rows; ++i) {
        double sum = 0;
        for (uint32_t j = 0; j < dim; ++j) {
          const double t = double(qs[q * dim + j]) - v[size_t(i) * dim + j];
          sum += t * t;
        }
        all.push_back(sum);
      }
      std::sort(all.begin(), all.end());
      VT_CHECK(counts[q] == k);
      for (size_t r = 0; r < k; ++r) {
        VT_CHECK_MSG(std::fabs(d[q * k + r] - all[r]) <= 1e-4 * (1 + all[r]), "build %d (n %u m %u threads %u) q %zu rank %zu: %g vs %g",
                     b, rows, m, threads, q, r, double(d[q * k + r]), all[r]);
      }
    }
    VT_CHECK_MSG(never_returned(*ix, v, dim) == 0, "build %d", b);
  }
}

}  // namespace
