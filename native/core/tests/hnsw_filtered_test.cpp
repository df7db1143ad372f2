// Filter-aware HNSW: the two-hop walk (only allowed results, k rows whenever k are allowed,
// fewer distances than the plain filtered walk) and payload links (argument checks, format
// version 2 round trip, version-1 bytes unchanged without links).
#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>

#include "test_data.h"
#include "test_framework.h"
#include "vecgres/hnsw.h"

namespace {

using vecgres::HnswArena;
using vecgres::HnswGroupLinkParams;
using vecgres::HnswIndex;
using vecgres::HnswParams;
using vecgres::HnswSearchArgs;

constexpr size_t kDim = 8;
constexpr uint32_t kRows = 3000;

HnswArena arena_of(const std::vector<float>& v) { return {reinterpret_cast<const uint8_t*>(v.data()), v.size() / kDim, 0}; }

std::unique_ptr<HnswIndex> build(const std::vector<float>& data) {
  HnswParams p;
  p.dim = kDim;
  p.m = 8;
  std::unique_ptr<HnswIndex> ix;
  VT_CHECK(HnswIndex::create(p, &ix).is_ok());
  VT_CHECK(ix->add(vecgres::active_kernels(), arena_of(data), 0, kRows, 1, nullptr).is_ok());
  return ix;
}

struct Result {
  std::vector<uint32_t> ids, counts, distances;
};

Result run(const HnswIndex& ix, const std::vector<float>& data, const std::vector<float>& qs, const std::vector<uint8_t>& bits,
           bool two_hop, size_t k = 10) {
  const size_t nq = qs.size() / kDim;
  Result r{std::vector<uint32_t>(nq * k), std::vector<uint32_t>(nq), std::vector<uint32_t>(nq)};
  std::vector<float> dists(nq * k);
  HnswSearchArgs a;
  a.queries = qs.data();
  a.nq = nq;
  a.k = k;
  a.ef = 64;
  a.allow = bits.data();
  a.allow_bits = kRows;
  a.two_hop = two_hop;
  a.distances = r.distances.data();
  VT_CHECK(ix.search(vecgres::active_kernels(), arena_of(data), a, r.ids.data(), dists.data(), r.counts.data()).is_ok());
  return r;
}

std::vector<uint8_t> bitmap(uint32_t every) {
  std::vector<uint8_t> bits((kRows + 7) / 8, 0);
  for (uint32_t i = 0; i < kRows; i += every) bits[i >> 3] |= uint8_t(1u << (i & 7));
  return bits;
}

VT_TEST(hnsw_two_hop_admits_only_allowed_with_fewer_distances) {
  const auto data = vt::random_floats(kRows * kDim, 51);
  auto ix = build(data);
  const auto qs = vt::random_floats(20 * kDim, 52);
  const auto bits = bitmap(50);  // 2%: 60 rows
  const Result plain = run(*ix, data, qs, bits, false);
  const Result two = run(*ix, data, qs, bits, true);
  uint64_t dp = 0, dt = 0;
  for (size_t q = 0; q < 20; ++q) {
    VT_CHECK(two.counts[q] == 10);
    for (size_t r = 0; r < 10; ++r) VT_CHECK(two.ids[q * 10 + r] % 50 == 0);
    dp += plain.distances[q];
    dt += two.distances[q];
  }
  VT_CHECK_MSG(dt * 3 < dp, "two-hop %llu vs plain %llu distances", (unsigned long long)dt, (unsigned long long)dp);
  // Three allowed rows, scattered: the reseeding sweep finds all of them.
  std::vector<uint8_t> three((kRows + 7) / 8, 0);
  for (uint32_t i : {1u, 1500u, 2999u}) three[i >> 3] |= uint8_t(1u << (i & 7));
  const Result few = run(*ix, data, qs, three, true);
  for (size_t q = 0; q < 20; ++q) VT_CHECK(few.counts[q] == 3);
}

VT_TEST(hnsw_payload_links_round_trip) {
  const auto data = vt::random_floats(kRows * kDim, 61);
  auto ix = build(data);
  std::vector<uint8_t> v1(ix->serialized_size());
  VT_CHECK(ix->serialize(v1.data(), v1.size()).is_ok());
  uint32_t version = 0;
  std::memcpy(&version, v1.data() + 8, 4);
  VT_CHECK(version == 1);
  // Two groups: rows % 50 == 0 and rows % 7 == 0 (they overlap at multiples of 350).
  std::vector<uint32_t> positions, offsets{0};
  for (uint32_t g : {50u, 7u}) {
    for (uint32_t i = 0; i < kRows; i += g) positions.push_back(i);
    offsets.push_back(static_cast<uint32_t>(positions.size()));
  }
  HnswGroupLinkParams gp;
  gp.m = 4;
  std::vector<uint32_t> bad = positions;
  std::swap(bad[0], bad[1]);
  VT_CHECK(ix->add_group_links(vecgres::active_kernels(), arena_of(data), bad.data(), offsets.data(), 2, gp, 1, nullptr)
               .code == vecgres::StatusCode::kInvalidArgument);
  VT_CHECK(ix->stats().payload_link_bytes == 0);
  VT_CHECK(ix->add_group_links(vecgres::active_kernels(), arena_of(data), positions.data(), offsets.data(), 2, gp, 2,
                               nullptr)
               .is_ok());
  VT_CHECK(ix->stats().payload_m == 4 && ix->stats().payload_link_bytes > (kRows + 1) * 4);
  std::vector<uint32_t> v2((ix->serialized_size() + 3) / 4);
  auto* bytes = reinterpret_cast<uint8_t*>(v2.data());
  VT_CHECK(ix->serialize(bytes, ix->serialized_size()).is_ok());
  std::memcpy(&version, bytes + 8, 4);
  VT_CHECK(version == 2);
  std::unique_ptr<HnswIndex> opened;
  VT_CHECK(HnswIndex::open(bytes, ix->serialized_size(), nullptr, &opened).is_ok());
  VT_CHECK(opened->stats().payload_link_bytes == ix->stats().payload_link_bytes);
  const auto qs = vt::random_floats(10 * kDim, 62);
  const auto bits = bitmap(50);
  for (bool two_hop : {false, true}) {
    const Result a = run(*ix, data, qs, bits, two_hop);
    const Result b = run(*opened, data, qs, bits, two_hop);
    VT_CHECK(a.ids == b.ids);
  }
  // The version-1 bytes still open (no links).
  std::vector<uint32_t> old((v1.size() + 3) / 4);
  std::memcpy(old.data(), v1.data(), v1.size());
  std::unique_ptr<HnswIndex> opened_v1;
  VT_CHECK(HnswIndex::open(reinterpret_cast<uint8_t*>(old.data()), v1.size(), nullptr, &opened_v1).is_ok());
  VT_CHECK(opened_v1->stats().payload_link_bytes == 0);
}

}  // namespace
