// Helpers shared by the IVFFlat translation units (not part of the public API).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <thread>
#include <vector>

#include "vecgres/ivf.h"

namespace vecgres {
namespace ivf {

constexpr uint32_t kMagic = 0x46564956u;  // "VIVF" little-endian
constexpr uint32_t kVersion = 1;

// The serialized header; 48 bytes, every field little-endian.
struct Header {
  uint32_t magic;
  uint32_t version;
  uint32_t type;
  uint32_t metric;
  uint32_t dim;
  uint32_t lists;
  uint32_t rows;
  uint32_t trained;
  uint64_t seed;
  uint32_t iterations;
  uint32_t reserved;
};
static_assert(sizeof(Header) == 48, "IVF header layout");

// The distance k-means and list assignment rank by: the index metric for kL2Sq / kL1; cosine
// distance for kNegDot and kCosine (spherical k-means: centroids are unit vectors, so the
// nearest centroid by -dot and by cosine is the same one). NaN (zero vector) -> +inf.
inline float train_distance(const KernelTable& kt, Metric metric, const float* a, const float* b, size_t d) {
  float r;
  switch (metric) {
    case Metric::kL2Sq: r = kt.f32_l2sq(a, b, d); break;
    case Metric::kL1: r = kt.f32_l1(a, b, d); break;
    default: r = kt.f32_cosine(a, b, d); break;
  }
  return std::isnan(r) ? std::numeric_limits<float>::infinity() : r;
}

inline bool spherical(Metric metric) { return metric == Metric::kNegDot || metric == Metric::kCosine; }

// Scales v to unit L2 norm; leaves a zero vector unchanged.
inline void normalize(float* v, size_t d) {
  double s = 0;
  for (size_t j = 0; j < d; j++) s += double(v[j]) * v[j];
  if (s <= 0) return;
  const float inv = float(1.0 / std::sqrt(s));
  for (size_t j = 0; j < d; j++) v[j] *= inv;
}

inline unsigned resolve_threads(unsigned threads) {
  return threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : threads;
}

// Runs body(begin, end) over [0, n) split in `threads` contiguous chunks (the caller's thread
// takes the first one).
template <typename Body>
void parallel_chunks(size_t n, unsigned threads, Body&& body) {
  const size_t t = std::max<size_t>(1, std::min<size_t>(threads, n / 256 + 1));
  if (t == 1) {
    body(size_t{0}, n);
    return;
  }
  std::vector<std::thread> pool;
  const size_t chunk = (n + t - 1) / t;
  for (size_t i = 1; i < t; i++) {
    const size_t b = std::min(n, i * chunk), e = std::min(n, (i + 1) * chunk);
    pool.emplace_back([&body, b, e]() { body(b, e); });
  }
  body(size_t{0}, std::min(n, chunk));
  for (std::thread& th : pool) th.join();
}

// Nearest of `lists` centroids (float[lists * d]) to v by train_distance; ties -> smaller list.
inline uint32_t nearest_centroid(const KernelTable& kt, Metric metric, const float* centroids, uint32_t lists,
                                 const float* v, size_t d) {
  uint32_t best = 0;
  float best_d = std::numeric_limits<float>::infinity();
  for (uint32_t c = 0; c < lists; c++) {
    const float dist = train_distance(kt, metric, v, centroids + size_t(c) * d, d);
    if (dist < best_d) {
      best_d = dist;
      best = c;
    }
  }
  return best;
}

}  // namespace ivf
}  // namespace vecgres
