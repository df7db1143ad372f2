// Quick standalone throughput check (not a ctest): f32 top-k scan over a large arena vs a
// plain read of the same bytes, both at the active SIMD level (VECGRES_SIMD_LEVEL applies).
//   vecgres_core_bench [arena_GiB=1] [dim=768] [reps=3] [metric=l2|dot|cos|l1] [offset_bytes=16]
// offset_bytes: where the arena starts relative to a 4096-byte boundary (16 is where a plain
// `new ArrayBuffer` puts it with glibc; 0 is 64-byte aligned).
// Prints GB/s of each (best of reps, thread CPU time) and scan/read. The real benchmark tool is tools/bench.
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "vecgres/scan.h"

namespace {

// On-CPU time of this thread: memory stalls count, time spent waiting for a core (the
// machine is shared) does not; steady enough for A/B comparisons under load.
double thread_seconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}
double seconds_since(double t0) { return thread_seconds() - t0; }

}  // namespace

int main(int argc, char** argv) {
  const double gib = argc > 1 ? std::atof(argv[1]) : 1.0;
  const size_t dim = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 768;
  const int reps = argc > 3 ? std::atoi(argv[3]) : 3;
  const std::string metric_name = argc > 4 ? argv[4] : "l2";
  const size_t offset = argc > 5 ? std::strtoul(argv[5], nullptr, 10) : 16;
  const vecgres::Metric metric = metric_name == "dot"   ? vecgres::Metric::kNegDot
                                 : metric_name == "cos" ? vecgres::Metric::kCosine
                                 : metric_name == "l1"  ? vecgres::Metric::kL1
                                                        : vecgres::Metric::kL2Sq;
  const size_t rb = dim * sizeof(float);
  const size_t n = static_cast<size_t>(gib * (1u << 30)) / rb;
  const size_t bytes = n * rb;

  std::vector<float> storage(n * dim + 2048);
  float* arena = storage.data() + ((4096 - (reinterpret_cast<uintptr_t>(storage.data()) & 4095)) & 4095) / 4 + offset / 4;
  uint32_t x = 2463534242u;  // xorshift32: fast fill, values in [-1, 1)
  for (size_t e = 0; e < n * dim; ++e) {
    float& v = arena[e];
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    v = static_cast<float>(x >> 8) * (2.0f / 16777216.0f) - 1.0f;
  }
  std::vector<float> query(arena + (n / 2) * dim, arena + (n / 2 + 1) * dim);

  const vecgres::KernelTable& kt = vecgres::active_kernels();
  std::printf("level %s, dim %zu, rows %zu, arena %.2f GiB at page+%zu, metric %s\n",
              vecgres::simd_level_name(kt.level), dim, n, bytes / double(1u << 30), offset, metric_name.c_str());

  double best_read = 1e30, best_scan = 1e30, best_ids = 1e30;
  uint64_t sink = 0;
  const size_t k = 10;
  std::vector<uint32_t> ids(k), counts(1);
  std::vector<float> dists(k);
  vecgres::ScanArgs a;
  a.type = vecgres::ElemType::kF32;
  a.metric = metric;
  a.dim = dim;
  a.queries = query.data();
  a.nq = 1;
  a.arena = arena;
  a.n_rows = n;
  // A random subset of 1/8 of the rows for the ids path (random access, prefetched).
  std::vector<uint32_t> subset;
  for (size_t i = 0; i < n; i += 8) subset.push_back(static_cast<uint32_t>((i * 2654435761u) % n));

  for (int r = 0; r < reps; ++r) {
    double t0 = thread_seconds();
    sink += vecgres::read_memory(kt, arena, bytes);
    best_read = std::min(best_read, seconds_since(t0));

    t0 = thread_seconds();
    vecgres::Status st = vecgres::scan_topk(kt, a, k, ids.data(), dists.data(), counts.data());
    best_scan = std::min(best_scan, seconds_since(t0));
    if (!st.is_ok() || (metric != vecgres::Metric::kNegDot && ids[0] != n / 2)) {
      std::printf("scan failed: %s (top id %u)\n", st.message, ids[0]);
      return 1;
    }

    vecgres::ScanArgs b = a;
    b.ids = subset.data();
    b.n_ids = subset.size();
    t0 = thread_seconds();
    st = vecgres::scan_topk(kt, b, k, ids.data(), dists.data(), counts.data());
    best_ids = std::min(best_ids, seconds_since(t0));
  }
  const double gb = bytes / 1e9;
  std::printf("read_memory: %.2f GB/s\n", gb / best_read);
  std::printf("scan_topk f32 k=%zu: %.2f GB/s (%.1f M rows/s) = %.0f%% of read_memory\n", k, gb / best_scan,
              n / best_scan / 1e6, 100.0 * best_read / best_scan);
  std::printf("scan_topk with ids (1/8 of rows, scattered): %.2f GB/s of rows touched (%.1f M rows/s)\n",
              subset.size() * rb / 1e9 / best_ids, subset.size() / best_ids / 1e6);
  std::printf("(checksum %llu)\n", static_cast<unsigned long long>(sink));
  return 0;
}
