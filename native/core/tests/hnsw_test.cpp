// HNSW graph: exact results on tiny sets, recall against brute force, the allow filter,
// serialization round trip (open in place), incremental add, iterative scan completeness,
// cancellation and argument errors.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <set>
#include <vector>

#include "test_data.h"
#include "test_framework.h"
#include "vecgres/hnsw.h"

namespace {

using vecgres::ElemType;
using vecgres::HnswArena;
using vecgres::HnswIndex;
using vecgres::HnswParams;
using vecgres::HnswSearchArgs;
using vecgres::Metric;
using vecgres::StatusCode;

HnswArena f32_arena(const std::vector<float>& v, size_t dim) {
  return {reinterpret_cast<const uint8_t*>(v.data()), v.size() / dim, 0};
}

std::unique_ptr<HnswIndex> build(const std::vector<float>& data, size_t dim, uint32_t rows, unsigned threads,
                                 uint32_t m = 8, uint32_t efc = 64) {
  HnswParams p;
  p.dim = static_cast<uint32_t>(dim);
  p.m = m;
  p.ef_construction = efc;
  std::unique_ptr<HnswIndex> ix;
  VT_CHECK(HnswIndex::create(p, &ix).is_ok());
  VT_CHECK(ix->add(vecgres::active_kernels(), f32_arena(data, dim), 0, rows, threads, nullptr).is_ok());
  return ix;
}

std::vector<uint32_t> brute(const std::vector<float>& data, size_t dim, const float* q, size_t k,
                            const std::vector<bool>* allow = nullptr) {
  std::vector<std::pair<double, uint32_t>> all;
  for (size_t i = 0; i < data.size() / dim; ++i) {
    if (allow != nullptr && !(*allow)[i]) continue;
    double s = 0;
    for (size_t j = 0; j < dim; ++j) s += double(q[j] - data[i * dim + j]) * (q[j] - data[i * dim + j]);
    all.push_back({s, uint32_t(i)});
  }
  std::sort(all.begin(), all.end());
  std::vector<uint32_t> out;
  for (size_t i = 0; i < std::min(k, all.size()); ++i) out.push_back(all[i].second);
  return out;
}

double recall_of(HnswIndex& ix, const std::vector<float>& data, size_t dim, const std::vector<float>& qs, size_t k,
                 size_t ef, const std::vector<uint8_t>* allow_bits = nullptr, const std::vector<bool>* allow = nullptr) {
  const size_t nq = qs.size() / dim;
  std::vector<uint32_t> ids(nq * k), counts(nq);
  std::vector<float> dists(nq * k);
  HnswSearchArgs a;
  a.queries = qs.data();
  a.nq = nq;
  a.k = k;
  a.ef = ef;
  if (allow_bits != nullptr) {
    a.allow = allow_bits->data();
    a.allow_bits = data.size() / dim;
  }
  VT_CHECK(ix.search(vecgres::active_kernels(), f32_arena(data, dim), a, ids.data(), dists.data(), counts.data()).is_ok());
  size_t hits = 0, total = 0;
  for (size_t q = 0; q < nq; ++q) {
    const auto truth = brute(data, dim, &qs[q * dim], k, allow);
    std::set<uint32_t> got(ids.begin() + q * k, ids.begin() + q * k + counts[q]);
    for (uint32_t t : truth) hits += got.count(t);
    total += truth.size();
    if (allow != nullptr) {
      for (size_t r = 0; r < counts[q]; ++r) VT_CHECK((*allow)[ids[q * k + r]]);
    }
  }
  return total == 0 ? 1.0 : double(hits) / double(total);
}

VT_TEST(hnsw_exact_on_tiny_set) {
  const size_t dim = 5;
  const auto data = vt::random_floats(40 * dim, 11);
  auto ix = build(data, dim, 40, 1);
  VT_CHECK(ix->nodes() == 40);
  // ef >= n: the walk reaches every node of a 40-node graph, so results are exact.
  VT_CHECK_MSG(recall_of(*ix, data, dim, vt::random_floats(10 * dim, 12), 10, 64) == 1.0, "exact");
}

VT_TEST(hnsw_recall_random_multi_thread) {
  const size_t dim = 16, n = 3000;
  const auto data = vt::random_floats(n * dim, 21);
  auto ix = build(data, dim, n, 2, 16, 100);
  const double r = recall_of(*ix, data, dim, vt::random_floats(50 * dim, 22), 10, 100);
  VT_CHECK_MSG(r >= 0.95, "recall %.3f", r);
}

VT_TEST(hnsw_filter_admits_only_allowed) {
  const size_t dim = 8, n = 2000;
  const auto data = vt::random_floats(n * dim, 31);
  auto ix = build(data, dim, n, 1, 16, 64);
  std::vector<bool> allow(n);
  std::vector<uint8_t> bits((n + 7) / 8, 0);
  for (size_t i = 0; i < n; ++i) {
    allow[i] = i % 10 == 3;
    if (allow[i]) bits[i >> 3] |= uint8_t(1u << (i & 7));
  }
  const double r = recall_of(*ix, data, dim, vt::random_floats(30 * dim, 32), 10, 64, &bits, &allow);
  VT_CHECK_MSG(r >= 0.9, "filtered recall %.3f", r);
  // Nothing allowed: empty results, no error.
  std::vector<uint8_t> none((n + 7) / 8, 0);
  std::vector<uint32_t> ids(10), counts(1);
  std::vector<float> dists(10);
  HnswSearchArgs a;
  a.queries = data.data();
  a.k = 10;
  a.allow = none.data();
  a.allow_bits = n;
  VT_CHECK(ix->search(vecgres::active_kernels(), f32_arena(data, dim), a, ids.data(), dists.data(), counts.data()).is_ok());
  VT_CHECK(counts[0] == 0 && ids[0] == vecgres::kHnswNoNode);
}

VT_TEST(hnsw_serialize_round_trip_and_add) {
  const size_t dim = 6, n = 500;
  const auto data = vt::random_floats(n * dim, 41);
  auto ix = build(data, dim, 300, 1);
  std::vector<uint32_t> buf((ix->serialized_size() + 3) / 4);
  auto* bytes = reinterpret_cast<uint8_t*>(buf.data());
  VT_CHECK(ix->serialize(bytes, ix->serialized_size()).is_ok());
  std::unique_ptr<HnswIndex> opened;
  VT_CHECK(HnswIndex::open(bytes, ix->serialized_size(), nullptr, &opened).is_ok());
  VT_CHECK(opened->nodes() == 300 && opened->params().dim == dim);
  const auto qs = vt::random_floats(20 * dim, 42);
  // Same graph, same results: compare the two searches id by id.
  std::vector<uint32_t> a_ids(200), b_ids(200), c(20);
  std::vector<float> d(200);
  HnswSearchArgs a;
  a.queries = qs.data();
  a.nq = 20;
  a.k = 10;
  VT_CHECK(ix->search(vecgres::active_kernels(), f32_arena(data, dim), a, a_ids.data(), d.data(), c.data()).is_ok());
  VT_CHECK(opened->search(vecgres::active_kernels(), f32_arena(data, dim), a, b_ids.data(), d.data(), c.data()).is_ok());
  VT_CHECK(a_ids == b_ids);
  // Corruption is rejected.
  std::vector<uint32_t> bad = buf;
  reinterpret_cast<uint8_t*>(bad.data())[0] = 'X';
  std::unique_ptr<HnswIndex> none;
  VT_CHECK(HnswIndex::open(reinterpret_cast<uint8_t*>(bad.data()), ix->serialized_size(), nullptr, &none).code ==
           StatusCode::kInvalidArgument);
  VT_CHECK(HnswIndex::open(bytes, ix->serialized_size() - 1, nullptr, &none).code == StatusCode::kInvalidArgument);
  // Incremental add onto the opened graph (copies it first), then everything is findable.
  VT_CHECK(opened->add(vecgres::active_kernels(), f32_arena(data, dim), 300, n, 2, nullptr).is_ok());
  VT_CHECK(opened->nodes() == n);
  VT_CHECK(opened->add(vecgres::active_kernels(), f32_arena(data, dim), 10, 20, 1, nullptr).code ==
           StatusCode::kInvalidArgument);
  const double r = recall_of(*opened, data, dim, qs, 10, 100);
  VT_CHECK_MSG(r >= 0.95, "recall after add %.3f", r);
}

VT_TEST(hnsw_iterative_scan_returns_every_row_once) {
  const size_t dim = 4, n = 700;
  const auto data = vt::random_floats(n * dim, 51);
  std::shared_ptr<HnswIndex> ix = build(data, dim, n, 2);
  std::vector<uint8_t> bits((n + 7) / 8, 0);
  size_t allowed = 0;
  for (size_t i = 0; i < n; ++i) {
    if (i % 3 != 0) {
      bits[i >> 3] |= uint8_t(1u << (i & 7));
      ++allowed;
    }
  }
  for (int filtered = 0; filtered < 2; ++filtered) {
    vecgres::HnswScan scan(ix, data.data() + 7 * dim, 20, filtered ? bits.data() : nullptr, n, 0);
    std::vector<uint32_t> seen;
    std::vector<uint32_t> ids(37);
    std::vector<float> dists(37);
    size_t count = 0, calls = 0;
    do {
      VT_CHECK(scan.next(vecgres::active_kernels(), f32_arena(data, dim), 37, ids.data(), dists.data(), &count).is_ok());
      seen.insert(seen.end(), ids.begin(), ids.begin() + count);
    } while (count > 0 && ++calls < 1000);
    VT_CHECK(scan.exhausted());
    std::set<uint32_t> uniq(seen.begin(), seen.end());
    VT_CHECK_MSG(uniq.size() == seen.size(), "duplicates: %zu vs %zu", uniq.size(), seen.size());
    VT_CHECK_MSG(seen.size() == (filtered ? allowed : n), "rows %zu", seen.size());
    if (filtered) for (uint32_t id : seen) VT_CHECK(id % 3 != 0);
    // The first batch is the best first: it matches the exact top 10 closely.
    const auto truth = brute(data, dim, data.data() + 7 * dim, 10);
    if (!filtered) VT_CHECK(seen[0] == 7);
    size_t hits = 0;
    std::set<uint32_t> first(seen.begin(), seen.begin() + 10);
    for (uint32_t t : truth) hits += first.count(t);
    if (!filtered) VT_CHECK_MSG(hits >= 9, "first batch hits %zu", hits);
  }
  // max_visited bounds the scan.
  vecgres::HnswScan bounded(ix, data.data(), 10, nullptr, 0, 50);
  std::vector<uint32_t> ids(1000);
  std::vector<float> dists(1000);
  size_t count = 0;
  VT_CHECK(bounded.next(vecgres::active_kernels(), f32_arena(data, dim), 1000, ids.data(), dists.data(), &count).is_ok());
  VT_CHECK_MSG(count <= 50 && bounded.exhausted(), "bounded count %zu", count);
}

VT_TEST(hnsw_cancel_and_bad_args) {
  const size_t dim = 4;
  const auto data = vt::random_floats(100 * dim, 61);
  HnswParams p;
  p.dim = dim;
  std::unique_ptr<HnswIndex> ix;
  VT_CHECK(HnswIndex::create(p, &ix).is_ok());
  volatile int32_t stop = 1;
  VT_CHECK(ix->add(vecgres::active_kernels(), f32_arena(data, dim), 0, 100, 1, &stop).code == StatusCode::kCancelled);
  p.m = 1;
  VT_CHECK(HnswIndex::create(p, &ix).code == StatusCode::kInvalidArgument);
  p.m = 16;
  p.metric = Metric::kHamming;
  VT_CHECK(HnswIndex::create(p, &ix).code == StatusCode::kInvalidArgument);
  p.metric = Metric::kL2Sq;
  VT_CHECK(HnswIndex::create(p, &ix).is_ok());
  VT_CHECK(ix->add(vecgres::active_kernels(), f32_arena(data, dim), 0, 101, 1, nullptr).code == StatusCode::kInvalidArgument);
}

VT_TEST(hnsw_bits_hamming) {
  const size_t bits = 64, n = 300;
  std::vector<uint8_t> data(n * 8);
  std::mt19937 rng(71);
  for (auto& b : data) b = uint8_t(rng());
  HnswParams p;
  p.type = ElemType::kBits;
  p.metric = Metric::kHamming;
  p.dim = bits;
  std::unique_ptr<HnswIndex> ix;
  VT_CHECK(HnswIndex::create(p, &ix).is_ok());
  VT_CHECK(ix->add(vecgres::active_kernels(), {data.data(), n, 0}, 0, n, 1, nullptr).is_ok());
  std::vector<uint32_t> ids(1), counts(1);
  std::vector<float> dists(1);
  HnswSearchArgs a;
  a.queries = data.data() + 8 * 42;
  a.k = 1;
  a.ef = 64;
  VT_CHECK(ix->search(vecgres::active_kernels(), {data.data(), n, 0}, a, ids.data(), dists.data(), counts.data()).is_ok());
  VT_CHECK(counts[0] == 1 && dists[0] == 0.0f);
}

}  // namespace

namespace {

VT_TEST(hnsw_cosine_norms_and_zero_vector) {
  const size_t dim = 8, n = 400;
  auto data = vt::random_floats(n * dim, 81);
  std::fill(data.begin() + 5 * dim, data.begin() + 6 * dim, 0.0f);  // row 5: zero vector
  HnswParams p;
  p.dim = dim;
  p.metric = Metric::kCosine;
  std::unique_ptr<HnswIndex> ix;
  VT_CHECK(HnswIndex::create(p, &ix).is_ok());
  VT_CHECK(ix->add(vecgres::active_kernels(), f32_arena(data, dim), 0, n, 2, nullptr).is_ok());
  std::vector<uint32_t> ids(n), counts(1);
  std::vector<float> dists(n);
  HnswSearchArgs a;
  a.queries = data.data() + 9 * dim;
  a.k = n;
  a.ef = n;
  VT_CHECK(ix->search(vecgres::active_kernels(), f32_arena(data, dim), a, ids.data(), dists.data(), counts.data()).is_ok());
  VT_CHECK(ids[0] == 9 && std::fabs(dists[0]) < 1e-5f);
  // Distances agree with the cosine kernel; the zero vector ranks last with +inf.
  for (size_t r = 0; r < counts[0]; ++r) {
    if (ids[r] == 5) {
      VT_CHECK(std::isinf(dists[r]));
      continue;
    }
    const float want = vecgres::active_kernels().f32_cosine(data.data() + 9 * dim, data.data() + ids[r] * dim, dim);
    VT_CHECK_MSG(std::fabs(dists[r] - want) < 1e-5f, "row %u: %g vs %g", ids[r], dists[r], want);
  }
  // The norms travel with the serialized graph.
  std::vector<uint32_t> buf((ix->serialized_size() + 3) / 4);
  VT_CHECK(ix->serialize(reinterpret_cast<uint8_t*>(buf.data()), ix->serialized_size()).is_ok());
  std::unique_ptr<HnswIndex> opened;
  VT_CHECK(HnswIndex::open(reinterpret_cast<uint8_t*>(buf.data()), ix->serialized_size(), nullptr, &opened).is_ok());
  std::vector<uint32_t> ids2(n);
  VT_CHECK(opened->search(vecgres::active_kernels(), f32_arena(data, dim), a, ids2.data(), dists.data(), counts.data()).is_ok());
  VT_CHECK(ids2 == ids);
}

}  // namespace
