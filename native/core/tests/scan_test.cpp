// scan_distances / scan_topk against a naive reference (the same level's kernel per row, a
// full sort with the documented order), plus argument validation and cancellation.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "test_data.h"
#include "test_framework.h"
#include "vecgres/scan.h"

namespace {

using vecgres::ElemType;
using vecgres::Metric;
using vecgres::ScanArgs;
using vecgres::StatusCode;

constexpr uint32_t kNoId = 0xFFFFFFFFu;

// Distance of one packed query to one row with the table's kernel, as the scan defines it.
float one_distance(const vecgres::KernelTable& t, ElemType type, Metric metric, const void* q, const void* r, size_t dim) {
  switch (type) {
    case ElemType::kF32: {
      auto a = static_cast<const float*>(q), b = static_cast<const float*>(r);
      if (metric == Metric::kL2Sq) return t.f32_l2sq(a, b, dim);
      if (metric == Metric::kNegDot) return -t.f32_dot(a, b, dim);
      if (metric == Metric::kCosine) return t.f32_cosine(a, b, dim);
      return t.f32_l1(a, b, dim);
    }
    case ElemType::kF16: {
      auto a = static_cast<const uint16_t*>(q), b = static_cast<const uint16_t*>(r);
      if (metric == Metric::kL2Sq) return t.f16_l2sq(a, b, dim);
      if (metric == Metric::kNegDot) return -t.f16_dot(a, b, dim);
      if (metric == Metric::kCosine) return t.f16_cosine(a, b, dim);
      return t.f16_l1(a, b, dim);
    }
    case ElemType::kI8: {
      auto a = static_cast<const int8_t*>(q), b = static_cast<const int8_t*>(r);
      return metric == Metric::kL2Sq ? float(t.i8_l2sq(a, b, dim)) : -float(t.i8_dot(a, b, dim));
    }
    case ElemType::kU8: {
      auto a = static_cast<const uint8_t*>(q), b = static_cast<const uint8_t*>(r);
      return metric == Metric::kL2Sq ? float(t.u8_l2sq(a, b, dim)) : -float(t.u8_dot(a, b, dim));
    }
    case ElemType::kBits: {
      auto a = static_cast<const uint8_t*>(q), b = static_cast<const uint8_t*>(r);
      return metric == Metric::kHamming ? float(t.bits_hamming(a, b, dim)) : t.bits_jaccard(a, b, dim);
    }
  }
  return NAN;
}

struct Ref {
  std::vector<float> dists;           // nq * m
  std::vector<uint32_t> ids, counts;  // nq * k, nq
  std::vector<float> top;             // nq * k
};

// The naive oracle: every distance, then a full sort by (distance, id) with NaN last.
Ref reference(const vecgres::KernelTable& t, const ScanArgs& a, size_t k) {
  const size_t rb = vecgres::row_bytes(a.type, a.dim);
  const size_t stride = a.row_stride ? a.row_stride : rb;
  const size_t m = a.ids ? a.n_ids : a.n_rows;
  Ref r;
  r.dists.resize(a.nq * m);
  r.ids.assign(a.nq * k, kNoId);
  r.top.assign(a.nq * k, std::numeric_limits<float>::infinity());
  r.counts.assign(a.nq, 0);
  for (size_t q = 0; q < a.nq; ++q) {
    std::vector<std::pair<float, uint32_t>> all;
    for (size_t j = 0; j < m; ++j) {
      const uint32_t row = a.ids ? a.ids[j] : static_cast<uint32_t>(j);
      const float d = one_distance(t, a.type, a.metric, static_cast<const uint8_t*>(a.queries) + q * rb,
                                   static_cast<const uint8_t*>(a.arena) + row * stride, a.dim);
      r.dists[q * m + j] = d;
      all.push_back({d, row});
    }
    std::sort(all.begin(), all.end(), [](const auto& x, const auto& y) {
      const bool nx = std::isnan(x.first), ny = std::isnan(y.first);
      if (nx != ny) return ny;
      if (!nx && x.first != y.first) return x.first < y.first;
      return x.second < y.second;
    });
    const size_t c = std::min(k, m);
    r.counts[q] = static_cast<uint32_t>(c);
    for (size_t s = 0; s < c; ++s) {
      r.top[q * k + s] = all[s].first;
      r.ids[q * k + s] = all[s].second;
    }
  }
  return r;
}

bool same_float(float x, float y) { return (std::isnan(x) && std::isnan(y)) || x == y; }

// Runs both scans and compares them with the oracle, exactly (same kernel, same inputs).
void check_scan(const vecgres::KernelTable& t, const ScanArgs& a, size_t k, const char* what) {
  const size_t m = a.ids ? a.n_ids : a.n_rows;
  const Ref want = reference(t, a, k);
  std::vector<float> dists(a.nq * m, -7.0f);
  vecgres::Status st = vecgres::scan_distances(t, a, dists.data());
  VT_CHECK_MSG(st.is_ok(), "%s: %s", what, st.message);
  for (size_t i = 0; i < dists.size(); ++i) {
    VT_CHECK_MSG(same_float(dists[i], want.dists[i]), "%s: distance %zu: %g vs %g", what, i, dists[i], want.dists[i]);
  }
  std::vector<uint32_t> ids(a.nq * k, 12345), counts(a.nq, 12345);
  std::vector<float> top(a.nq * k, -7.0f);
  st = vecgres::scan_topk(t, a, k, ids.data(), top.data(), counts.data());
  VT_CHECK_MSG(st.is_ok(), "%s: %s", what, st.message);
  for (size_t q = 0; q < a.nq; ++q) VT_CHECK_MSG(counts[q] == want.counts[q], "%s: count q=%zu", what, q);
  for (size_t i = 0; i < ids.size(); ++i) {
    VT_CHECK_MSG(ids[i] == want.ids[i], "%s: slot %zu id %u vs %u", what, i, ids[i], want.ids[i]);
    VT_CHECK_MSG(same_float(top[i], want.top[i]), "%s: slot %zu dist %g vs %g", what, i, top[i], want.top[i]);
  }
}

ScanArgs f32_args(const std::vector<float>& arena, size_t dim, const std::vector<float>& queries) {
  ScanArgs a;
  a.type = ElemType::kF32;
  a.metric = Metric::kL2Sq;
  a.dim = dim;
  a.arena = arena.data();
  a.n_rows = arena.size() / dim;
  a.queries = queries.data();
  a.nq = queries.size() / dim;
  return a;
}

VT_LEVEL_TEST(scan_f32_all_metrics_multi_query) {
  const size_t dim = 37, n = 1000;
  const std::vector<float> arena = vt::random_floats(n * dim, 61), queries = vt::random_floats(3 * dim, 62);
  for (Metric m : {Metric::kL2Sq, Metric::kNegDot, Metric::kCosine, Metric::kL1}) {
    ScanArgs a = f32_args(arena, dim, queries);
    a.metric = m;
    check_scan(*level.table, a, 10, vt::format("metric %d", static_cast<int>(m)).c_str());
  }
}

VT_LEVEL_TEST(scan_with_ids) {
  const size_t dim = 20, n = 500;
  const std::vector<float> arena = vt::random_floats(n * dim, 63), queries = vt::random_floats(2 * dim, 64);
  std::vector<uint32_t> ids;
  for (uint32_t i = 0; i < n; i += 3) ids.push_back((i * 7919u) % n);  // scattered, unordered
  ScanArgs a = f32_args(arena, dim, queries);
  a.ids = ids.data();
  a.n_ids = ids.size();
  check_scan(*level.table, a, 7, "ids");
  // The top-k reports row ids (arena positions), not positions in the ids list.
  std::vector<uint32_t> out(2 * 7), counts(2);
  std::vector<float> dists(2 * 7);
  VT_CHECK(vecgres::scan_topk(*level.table, a, 7, out.data(), dists.data(), counts.data()).is_ok());
  for (uint32_t id : out) VT_CHECK(std::find(ids.begin(), ids.end(), id) != ids.end());
}

VT_LEVEL_TEST(scan_k_larger_than_n) {
  const size_t dim = 5;
  const std::vector<float> arena = vt::random_floats(4 * dim, 65), queries = vt::random_floats(2 * dim, 66);
  ScanArgs a = f32_args(arena, dim, queries);
  check_scan(*level.table, a, 9, "k>n");
  std::vector<uint32_t> ids(18), counts(2);
  std::vector<float> d(18);
  VT_CHECK(vecgres::scan_topk(*level.table, a, 9, ids.data(), d.data(), counts.data()).is_ok());
  VT_CHECK(counts[0] == 4 && counts[1] == 4);
  VT_CHECK(ids[4] == kNoId && ids[17] == kNoId && std::isinf(d[8]) && d[8] > 0);
  for (size_t s = 1; s < 4; ++s) VT_CHECK(d[s - 1] <= d[s]);
}

VT_LEVEL_TEST(scan_ties_break_by_smaller_id) {
  const size_t dim = 16, n = 60;
  const std::vector<float> proto = vt::random_floats(5 * dim, 67);
  std::vector<float> arena(n * dim);
  for (size_t r = 0; r < n; ++r) std::memcpy(&arena[r * dim], &proto[(r % 5) * dim], dim * sizeof(float));
  const std::vector<float> queries(proto.begin(), proto.begin() + dim);  // equals rows 0,5,10,...
  ScanArgs a = f32_args(arena, dim, queries);
  check_scan(*level.table, a, 15, "ties");
  std::vector<uint32_t> ids(15), counts(1);
  std::vector<float> d(15);
  VT_CHECK(vecgres::scan_topk(*level.table, a, 15, ids.data(), d.data(), counts.data()).is_ok());
  for (size_t s = 0; s < 12; ++s) VT_CHECK_MSG(ids[s] == 5 * s && d[s] == 0.0f, "slot %zu id %u", s, ids[s]);
  // Reverse-ordered ids list: still the smaller row id first among equals.
  std::vector<uint32_t> rev;
  for (uint32_t i = n; i-- > 0;) rev.push_back(i);
  a.ids = rev.data();
  a.n_ids = rev.size();
  check_scan(*level.table, a, 15, "ties with reversed ids");
  VT_CHECK(vecgres::scan_topk(*level.table, a, 15, ids.data(), d.data(), counts.data()).is_ok());
  VT_CHECK(ids[0] == 0 && ids[1] == 5 && ids[11] == 55);
}

VT_LEVEL_TEST(scan_nan_rows_rank_last) {
  const size_t dim = 9, n = 40;
  std::vector<float> arena = vt::random_floats(n * dim, 68);
  for (size_t r : {0, 7, 8, 33}) arena[r * dim + 3] = NAN;
  const std::vector<float> queries = vt::random_floats(dim, 69);
  ScanArgs a = f32_args(arena, dim, queries);
  check_scan(*level.table, a, n, "nan k=n");
  check_scan(*level.table, a, 5, "nan k=5");
  std::vector<uint32_t> ids(n), counts(1);
  std::vector<float> d(n);
  VT_CHECK(vecgres::scan_topk(*level.table, a, n, ids.data(), d.data(), counts.data()).is_ok());
  VT_CHECK(ids[n - 4] == 0 && ids[n - 3] == 7 && ids[n - 2] == 8 && ids[n - 1] == 33);
  VT_CHECK(std::isnan(d[n - 1]) && !std::isnan(d[n - 5]));
}

VT_LEVEL_TEST(scan_row_stride_padding) {
  const size_t dim = 13, n = 300, stride = dim * 4 + 20;
  const std::vector<float> packed = vt::random_floats(n * dim, 70), queries = vt::random_floats(2 * dim, 71);
  std::vector<uint8_t> padded(n * stride, 0xff);  // padding bytes are NaN patterns: must be ignored
  for (size_t r = 0; r < n; ++r) std::memcpy(&padded[r * stride], &packed[r * dim], dim * 4);
  ScanArgs a = f32_args(packed, dim, queries);
  ScanArgs p = a;
  p.arena = padded.data();
  p.row_stride = stride;
  check_scan(*level.table, p, 10, "stride");
  std::vector<float> dp(2 * n), dq(2 * n);
  VT_CHECK(vecgres::scan_distances(*level.table, a, dq.data()).is_ok());
  VT_CHECK(vecgres::scan_distances(*level.table, p, dp.data()).is_ok());
  // Equal within the float tolerance, not bit for bit: the AVX-512 kernels peel each row's
  // head up to its 64-byte boundary, so the summation order depends on the row's address.
  for (size_t i = 0; i < dp.size(); ++i) VT_CHECK_MSG(vt::close(dp[i], dq[i]), "i=%zu %g vs %g", i, dp[i], dq[i]);
}

// Enough rows for several row blocks (and stop polls), with nq > 1.
VT_LEVEL_TEST(scan_many_blocks) {
  const size_t dim = 8, n = 10007;
  const std::vector<float> arena = vt::random_floats(n * dim, 72), queries = vt::random_floats(4 * dim, 73);
  ScanArgs a = f32_args(arena, dim, queries);
  int32_t stop = 0;
  a.stop = &stop;
  check_scan(*level.table, a, 25, "blocks");
}

VT_LEVEL_TEST(scan_every_type) {
  const vecgres::KernelTable& t = *level.table;
  const size_t dim = 45, n = 200, nq = 2;
  struct Combo { ElemType type; Metric metric; };
  const Combo combos[] = {
      {ElemType::kF16, Metric::kL2Sq}, {ElemType::kF16, Metric::kNegDot}, {ElemType::kF16, Metric::kCosine},
      {ElemType::kF16, Metric::kL1},   {ElemType::kI8, Metric::kL2Sq},    {ElemType::kI8, Metric::kNegDot},
      {ElemType::kU8, Metric::kL2Sq},  {ElemType::kU8, Metric::kNegDot},  {ElemType::kBits, Metric::kHamming},
      {ElemType::kBits, Metric::kJaccard}};
  for (const Combo& c : combos) {
    const size_t rb = vecgres::row_bytes(c.type, dim);
    std::vector<uint8_t> arena, queries;
    if (c.type == ElemType::kF16) {
      const std::vector<uint16_t> h = vt::random_halves((n + nq) * dim, 74);
      arena.resize((n + nq) * rb);
      std::memcpy(arena.data(), h.data(), arena.size());
    } else {
      arena = vt::random_ints<uint8_t>((n + nq) * rb, 75);
    }
    queries.assign(arena.end() - nq * rb, arena.end());
    arena.resize(n * rb);
    ScanArgs a;
    a.type = c.type;
    a.metric = c.metric;
    a.dim = dim;
    a.arena = arena.data();
    a.n_rows = n;
    a.queries = queries.data();
    a.nq = nq;
    check_scan(t, a, 12, vt::format("type %d metric %d", static_cast<int>(c.type), static_cast<int>(c.metric)).c_str());
  }
}

// Float scans over arenas 0, 4, 16, 36 bytes past a 64-byte boundary, with and without an
// ids list, packed and with a 64-byte-multiple stride (where the scan also realigns its copy
// of the query): exact against this level's kernel row by row (check_scan), and within the
// float tolerance against the scalar level.
VT_LEVEL_TEST(scan_float_misaligned_arenas) {
  const vecgres::KernelTable& t = *level.table;
  const size_t n = 150, nq = 2;
  std::vector<uint8_t> arena_buf, query_buf;
  for (ElemType type : {ElemType::kF32, ElemType::kF16}) {
    for (size_t dim : {13, 96, 100, 768}) {
      const size_t rb = vecgres::row_bytes(type, dim);
      for (size_t stride : {rb, (rb + 64 + 63) / 64 * 64}) {
        std::vector<uint8_t> rows(n * stride, 0), queries(nq * rb);
        if (type == ElemType::kF32) {
          const std::vector<float> v = vt::random_floats((n + nq) * dim, 80 + static_cast<uint32_t>(dim));
          for (size_t r = 0; r < n; ++r) std::memcpy(&rows[r * stride], &v[r * dim], rb);
          std::memcpy(queries.data(), &v[n * dim], nq * rb);
        } else {
          const std::vector<uint16_t> v = vt::random_halves((n + nq) * dim, 81 + static_cast<uint32_t>(dim));
          for (size_t r = 0; r < n; ++r) std::memcpy(&rows[r * stride], &v[r * dim], rb);
          std::memcpy(queries.data(), &v[n * dim], nq * rb);
        }
        std::vector<uint32_t> ids;
        for (uint32_t j = 0; j < n; j += 3) ids.push_back((j * 7u) % n);
        for (size_t off : vt::misaligned_offsets()) {
          for (Metric metric : {Metric::kL2Sq, Metric::kNegDot, Metric::kCosine, Metric::kL1}) {
            ScanArgs a;
            a.type = type;
            a.metric = metric;
            a.dim = dim;
            a.arena = vt::place_at_offset(arena_buf, rows.data(), rows.size(), off);
            a.n_rows = n;
            a.row_stride = stride;
            // The queries at another offset than the rows: the scan may not assume they match.
            a.queries = vt::place_at_offset(query_buf, queries.data(), queries.size(), (off + 20) % 64);
            a.nq = nq;
            const std::string what = vt::format("type %d dim %zu stride %zu +%zu metric %d", static_cast<int>(type),
                                                dim, stride, off, static_cast<int>(metric));
            check_scan(t, a, 7, what.c_str());
            std::vector<float> got(nq * n), want(nq * n);
            VT_CHECK(vecgres::scan_distances(t, a, got.data()).is_ok());
            VT_CHECK(vecgres::scan_distances(vt::scalar(), a, want.data()).is_ok());
            // (Only at small d: at d=768 a dot product that cancels down to ~1 differs from the
            // scalar sum's order by ~1e-5 absolute, legitimately; the kernel tests cover d=768.)
            for (size_t i = 0; dim <= 100 && i < got.size(); ++i) {
              VT_CHECK_MSG(vt::close(got[i], want[i]), "%s: i=%zu %g vs scalar %g", what.c_str(), i, got[i], want[i]);
            }
            ScanArgs b = a;
            b.ids = ids.data();
            b.n_ids = ids.size();
            check_scan(t, b, 7, (what + " ids").c_str());
          }
        }
      }
    }
  }
}

VT_LEVEL_TEST(scan_empty_inputs) {
  const vecgres::KernelTable& t = *level.table;
  const std::vector<float> arena = vt::random_floats(10 * 4, 76), queries = vt::random_floats(2 * 4, 77);
  ScanArgs a = f32_args(arena, 4, queries);
  std::vector<uint32_t> ids(6, 1), counts(2, 9);
  std::vector<float> d(6, 1.0f);
  // k = 0: nothing to return, counts are 0.
  VT_CHECK(vecgres::scan_topk(t, a, 0, nullptr, nullptr, counts.data()).is_ok());
  VT_CHECK(counts[0] == 0 && counts[1] == 0);
  // n = 0: counts 0, every slot empty.
  a.n_rows = 0;
  VT_CHECK(vecgres::scan_topk(t, a, 3, ids.data(), d.data(), counts.data()).is_ok());
  VT_CHECK(counts[0] == 0 && counts[1] == 0);
  for (size_t s = 0; s < 6; ++s) VT_CHECK(ids[s] == kNoId && std::isinf(d[s]));
  VT_CHECK(vecgres::scan_distances(t, a, nullptr).is_ok());
  // nq = 0, and an empty ids list.
  a.n_rows = 10;
  a.nq = 0;
  VT_CHECK(vecgres::scan_topk(t, a, 3, nullptr, nullptr, nullptr).is_ok());
  a.nq = 2;
  const uint32_t none[1] = {0};
  a.ids = none;
  a.n_ids = 0;
  VT_CHECK(vecgres::scan_topk(t, a, 3, ids.data(), d.data(), counts.data()).is_ok());
  VT_CHECK(counts[0] == 0 && ids[0] == kNoId);
}

VT_LEVEL_TEST(scan_stop_flag_cancels) {
  const vecgres::KernelTable& t = *level.table;
  const std::vector<float> arena = vt::random_floats(100 * 8, 78), queries = vt::random_floats(8, 79);
  ScanArgs a = f32_args(arena, 8, queries);
  const int32_t stop = 1;
  a.stop = &stop;
  std::vector<float> out(100);
  std::vector<uint32_t> ids(5), counts(1);
  std::vector<float> d(5);
  vecgres::Status st = vecgres::scan_distances(t, a, out.data());
  VT_CHECK(st.code == StatusCode::kCancelled && std::strlen(st.message) > 0);
  st = vecgres::scan_topk(t, a, 5, ids.data(), d.data(), counts.data());
  VT_CHECK(st.code == StatusCode::kCancelled);
}

VT_LEVEL_TEST(scan_invalid_arguments) {
  const vecgres::KernelTable& t = *level.table;
  const std::vector<float> arena = vt::random_floats(10 * 4, 80), queries = vt::random_floats(4, 81);
  std::vector<float> out(10), d(3);
  std::vector<uint32_t> ids(3), counts(1);
  const uint32_t bad_ids[2] = {3, 10};
  auto expect_invalid = [&](ScanArgs a, const char* what) {
    vecgres::Status s1 = vecgres::scan_distances(t, a, out.data());
    vecgres::Status s2 = vecgres::scan_topk(t, a, 3, ids.data(), d.data(), counts.data());
    VT_CHECK_MSG(s1.code == StatusCode::kInvalidArgument && std::strlen(s1.message) > 0, "%s", what);
    VT_CHECK_MSG(s2.code == StatusCode::kInvalidArgument && std::strlen(s2.message) > 0, "%s", what);
  };
  const ScanArgs good = f32_args(arena, 4, queries);
  ScanArgs a = good;
  a.dim = 0;
  expect_invalid(a, "dim 0");
  a = good;
  a.row_stride = 12;
  expect_invalid(a, "stride < row");
  a = good;
  a.arena = nullptr;
  expect_invalid(a, "null arena");
  a = good;
  a.queries = nullptr;
  expect_invalid(a, "null queries");
  a = good;
  a.ids = bad_ids;
  a.n_ids = 2;
  expect_invalid(a, "id out of range");
  a = good;
  a.n_ids = 3;
  expect_invalid(a, "n_ids without ids");
  a = good;
  a.metric = Metric::kHamming;
  expect_invalid(a, "hamming on floats");
  a = good;
  a.type = ElemType::kI8;
  a.metric = Metric::kCosine;
  expect_invalid(a, "cosine on int8");
  a = good;
  a.type = static_cast<ElemType>(9);
  expect_invalid(a, "unknown type");
  a = good;
  a.metric = static_cast<Metric>(-1);
  expect_invalid(a, "unknown metric");
  VT_CHECK(vecgres::scan_distances(t, good, nullptr).code == StatusCode::kInvalidArgument);
  VT_CHECK(vecgres::scan_topk(t, good, 3, nullptr, d.data(), counts.data()).code == StatusCode::kInvalidArgument);
  VT_CHECK(vecgres::scan_topk(t, good, 3, ids.data(), d.data(), nullptr).code == StatusCode::kInvalidArgument);
  // Validation comes before the stop flag: bad input is reported as such even when cancelled.
  a = good;
  a.dim = 0;
  const int32_t stop = 1;
  a.stop = &stop;
  VT_CHECK(vecgres::scan_distances(t, a, out.data()).code == StatusCode::kInvalidArgument);
}

VT_TEST(row_bytes_per_type) {
  VT_CHECK(vecgres::row_bytes(ElemType::kF32, 3) == 12);
  VT_CHECK(vecgres::row_bytes(ElemType::kF16, 3) == 6);
  VT_CHECK(vecgres::row_bytes(ElemType::kI8, 3) == 3);
  VT_CHECK(vecgres::row_bytes(ElemType::kU8, 3) == 3);
  VT_CHECK(vecgres::row_bytes(ElemType::kBits, 1) == 1);
  VT_CHECK(vecgres::row_bytes(ElemType::kBits, 8) == 1);
  VT_CHECK(vecgres::row_bytes(ElemType::kBits, 9) == 2);
}

}  // namespace
