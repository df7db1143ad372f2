// IvfIndex::train: k-means on a sample of rows, after pgvector's ivfflat build
// (src/ivfkmeans.c): sample min(rows, lists * 50) rows, k-means++ initialisation, then Lloyd
// iterations; spherical (centroids normalised after each update) for inner product / cosine.
#include <numeric>
#include <random>

#include "ivf_internal.h"

namespace vecgres {
namespace {

using ivf::train_distance;

// Indices of `count` distinct rows of [0, n), ascending (partial Fisher-Yates, seeded).
std::vector<uint32_t> sample_rows(size_t n, size_t count, std::mt19937_64& rng) {
  std::vector<uint32_t> all(n);
  std::iota(all.begin(), all.end(), 0u);
  for (size_t i = 0; i < count; i++) {
    std::uniform_int_distribution<size_t> pick(i, n - 1);
    std::swap(all[i], all[pick(rng)]);
  }
  all.resize(count);
  std::sort(all.begin(), all.end());
  return all;
}

struct Kmeans {
  const KernelTable& kt;
  Metric metric;
  size_t d;
  std::vector<float> sample;  // s * d, row-major copies of the sampled rows
  size_t s;
  unsigned threads;
  const volatile int32_t* stop;

  const float* row(size_t i) const { return sample.data() + i * d; }
  bool stopped() const { return stop != nullptr && *stop != 0; }

  // k-means++: first centre uniform, then each next one with probability proportional to
  // its distance to the nearest chosen centre.
  void init(std::vector<float>& centroids, uint32_t lists, std::mt19937_64& rng) const {
    std::vector<float> nearest(s, std::numeric_limits<float>::infinity());
    std::uniform_int_distribution<size_t> first(0, s - 1);
    size_t pick = first(rng);
    for (uint32_t c = 0; c < lists; c++) {
      float* dst = centroids.data() + size_t(c) * d;
      std::copy(row(pick), row(pick) + d, dst);
      if (ivf::spherical(metric)) ivf::normalize(dst, d);
      if (c + 1 == lists) break;
      ivf::parallel_chunks(s, threads, [&](size_t b, size_t e) {
        for (size_t i = b; i < e; i++) nearest[i] = std::min(nearest[i], train_distance(kt, metric, row(i), dst, d));
      });
      double total = 0;
      for (float x : nearest) total += std::isinf(x) ? 0.0 : double(x);
      if (total <= 0) {
        // Fewer distinct rows than lists: repeat rows (those lists stay empty).
        pick = first(rng);
        continue;
      }
      std::uniform_real_distribution<double> u(0, total);
      double target = u(rng);
      pick = s - 1;
      for (size_t i = 0; i < s; i++) {
        target -= std::isinf(nearest[i]) ? 0.0 : double(nearest[i]);
        if (target <= 0) {
          pick = i;
          break;
        }
      }
    }
  }

  // One Lloyd step: assign, then move each centre to its members' mean (normalised when
  // spherical). An empty cluster is re-seeded with a random sample row.
  void step(std::vector<float>& centroids, uint32_t lists, std::mt19937_64& rng) const {
    std::vector<uint32_t> assign(s);
    ivf::parallel_chunks(s, threads, [&](size_t b, size_t e) {
      for (size_t i = b; i < e; i++) assign[i] = ivf::nearest_centroid(kt, metric, centroids.data(), lists, row(i), d);
    });
    std::vector<double> sums(size_t(lists) * d, 0.0);
    std::vector<uint32_t> counts(lists, 0);
    for (size_t i = 0; i < s; i++) {
      double* acc = sums.data() + size_t(assign[i]) * d;
      const float* r = row(i);
      for (size_t j = 0; j < d; j++) acc[j] += r[j];
      counts[assign[i]]++;
    }
    std::uniform_int_distribution<size_t> any(0, s - 1);
    for (uint32_t c = 0; c < lists; c++) {
      float* dst = centroids.data() + size_t(c) * d;
      if (counts[c] == 0) {
        const float* r = row(any(rng));
        std::copy(r, r + d, dst);
      } else {
        const double* acc = sums.data() + size_t(c) * d;
        for (size_t j = 0; j < d; j++) dst[j] = float(acc[j] / counts[c]);
      }
      if (ivf::spherical(metric)) ivf::normalize(dst, d);
    }
  }
};

}  // namespace

Status IvfIndex::train(const KernelTable& kt, const IvfArena& arena, unsigned threads, const volatile int32_t* stop) {
  if (trained_ || rows_ != 0) return Status::invalid("the IVF index is already trained");
  if (arena.data == nullptr && arena.n_rows > 0) return Status::invalid("arena data is null");
  const size_t d = params_.dim;
  const size_t rb = row_bytes(params_.type, d);
  const size_t stride = arena.row_stride == 0 ? rb : arena.row_stride;
  if (stride < rb) return Status::invalid("row_stride is smaller than a row");
  const uint32_t lists = params_.lists;
  centroids_.assign(size_t(lists) * d, 0.0f);
  if (arena.n_rows == 0) {
    // Nothing to learn from (pgvector builds an index of empty lists with zero centres).
    trained_ = true;
    offsets_.assign(size_t(lists) + 1, 0);
    return Status::ok();
  }
  std::mt19937_64 rng(params_.seed);
  const size_t s = std::min<size_t>(arena.n_rows, size_t(lists) * kIvfSamplePerList);
  const std::vector<uint32_t> picked = sample_rows(arena.n_rows, s, rng);
  Kmeans km{kt, params_.metric, d, std::vector<float>(s * d), s, ivf::resolve_threads(threads), stop};
  for (size_t i = 0; i < s; i++) {
    const float* src = reinterpret_cast<const float*>(arena.data + size_t(picked[i]) * stride);
    std::copy(src, src + d, km.sample.data() + i * d);
  }
  km.init(centroids_, lists, rng);
  for (uint32_t it = 0; it < params_.iterations; it++) {
    if (km.stopped()) return Status::cancelled();
    km.step(centroids_, lists, rng);
  }
  if (km.stopped()) return Status::cancelled();
  trained_ = true;
  offsets_.assign(size_t(lists) + 1, 0);
  return Status::ok();
}

}  // namespace vecgres
