// IVFFlat index (pgvector's ivfflat): k-means centroids ("lists"), every row assigned to its
// nearest centroid, search = scan the `probes` lists nearest to the query exactly.
//
// Like the HNSW graph, the index is SEPARATE from the vectors: it stores centroids and, per
// list, the row ids (node id = row position in the segment's arena); every call that computes
// distances is handed the current arena. f32 rows only for now.
//
// Training follows pgvector (src/ivfbuild.c, src/ivfkmeans.c): a sample of
// min(rows, lists * 50) rows, k-means++ initialisation with a seeded generator, Lloyd
// iterations; for kNegDot and kCosine the centroids are normalised after every update
// (spherical k-means), so "nearest centroid" means largest cosine.
//
// Serialized layout (little-endian; the same in memory after open(), so open() is zero-copy):
//   header   IvfHeader (48 bytes)
//   centroids float[lists * dim]
//   offsets  uint32[lists + 1]        list l holds ids[offsets[l] .. offsets[l+1])
//   ids      uint32[rows]             row ids, ascending within a list
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "vecgres/kernels.h"
#include "vecgres/scan.h"
#include "vecgres/status.h"

namespace vecgres {

constexpr uint32_t kIvfMaxLists = 32768;   // pgvector: lists in [1, 32768]
constexpr uint32_t kIvfSamplePerList = 50; // pgvector samples lists * 50 rows

struct IvfArena {
  const uint8_t* data = nullptr;  // rows back to back, row i at data + i * row_stride
  size_t n_rows = 0;
  size_t row_stride = 0;          // 0 = packed
};

struct IvfParams {
  ElemType type = ElemType::kF32;
  Metric metric = Metric::kL2Sq;  // kL2Sq, kNegDot, kCosine or kL1
  uint32_t dim = 0;
  uint32_t lists = 100;
  uint64_t seed = 0x5eed;         // sampling and k-means++ seed (training is deterministic)
  uint32_t iterations = 10;       // Lloyd iterations after initialisation
};

struct IvfSearchArgs {
  const void* queries = nullptr;  // nq packed f32 rows
  size_t nq = 1;
  size_t k = 10;
  size_t probes = 1;              // lists scanned per query (clamped to lists)
  const uint8_t* allow = nullptr; // optional bitmap over row ids, LSB-first; clear = excluded
  size_t allow_bits = 0;
  const volatile int32_t* stop = nullptr;
};

struct IvfStats {
  uint32_t lists = 0;
  uint32_t rows = 0;
  uint32_t trained = 0;      // 1 once centroids exist
  uint32_t largest_list = 0;
  uint64_t bytes = 0;        // serialized size
};

class IvfIndex {
 public:
  IvfIndex(const IvfIndex&) = delete;
  IvfIndex& operator=(const IvfIndex&) = delete;
  ~IvfIndex();

  // An untrained index. kInvalidArgument for a type/metric the IVF does not support, dim 0 or
  // > 2^24, lists outside [1, 32768].
  static Status create(const IvfParams& params, std::unique_ptr<IvfIndex>* out);
  // Opens a serialized index in place (`data` 4-byte aligned, valid and unchanged while the
  // index lives; `keepalive` holds it). O(1) header and bounds checks.
  static Status open(const uint8_t* data, size_t bytes, std::shared_ptr<const void> keepalive,
                     std::unique_ptr<IvfIndex>* out);

  // Trains the centroids on a sample of rows [0, n_rows) (see above) with `threads` threads
  // (0 = hardware concurrency). Requires an empty, untrained index. With fewer rows than
  // lists, the extra lists get copies of existing centroids and stay empty (as pgvector).
  Status train(const KernelTable& kt, const IvfArena& arena, unsigned threads, const volatile int32_t* stop);
  // Assigns rows [from, to) to their nearest lists (from must equal rows()); needs train().
  // An opened index becomes writable (copied to memory) on its first add.
  Status add(const KernelTable& kt, const IvfArena& arena, uint32_t from, uint32_t to,
             unsigned threads, const volatile int32_t* stop);
  // k nearest per query among the rows of the `probes` nearest lists.
  // ids: uint32[nq * k], dists: float[nq * k] (nearest first; unused 0xFFFFFFFF / +inf),
  // counts: uint32[nq]. Runs on the calling thread.
  Status search(const KernelTable& kt, const IvfArena& arena, const IvfSearchArgs& args,
                uint32_t* ids, float* dists, uint32_t* counts) const;

  size_t serialized_size() const;
  Status serialize(uint8_t* out, size_t bytes) const;

  const IvfParams& params() const { return params_; }
  uint32_t rows() const { return rows_; }
  bool trained() const { return trained_; }
  IvfStats stats() const;
  // Rows assigned by the add() in progress (or the last one).
  uint64_t progress() const { return progress_.load(std::memory_order_relaxed); }

  // Nearest list of one f32 vector (the assignment rule); for tests.
  uint32_t nearest_list(const KernelTable& kt, const float* v) const;

 private:
  explicit IvfIndex(const IvfParams& p) : params_(p) {}
  void materialize();  // opened (read-only view) -> owned vectors

  IvfParams params_;
  bool trained_ = false;
  uint32_t rows_ = 0;
  // Owned storage (after create/train/add) ...
  std::vector<float> centroids_;
  std::vector<uint32_t> offsets_;
  std::vector<uint32_t> ids_;
  // ... or views into an opened buffer (then the vectors above are empty).
  const float* c_view_ = nullptr;
  const uint32_t* off_view_ = nullptr;
  const uint32_t* ids_view_ = nullptr;
  std::shared_ptr<const void> keepalive_;
  std::atomic<uint64_t> progress_{0};

  const float* centroids() const { return c_view_ ? c_view_ : centroids_.data(); }
  const uint32_t* offsets() const { return off_view_ ? off_view_ : offsets_.data(); }
  const uint32_t* list_ids() const { return ids_view_ ? ids_view_ : ids_.data(); }
};

}  // namespace vecgres
