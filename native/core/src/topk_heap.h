// A bounded max-heap of (distance, id) pairs kept in caller-provided arrays (struct of
// arrays: the k output slots of one query double as the heap, so a scan allocates nothing).
// The root is the WORST kept candidate; a new row enters only when it beats the root.
//
// Order ("a is nearer than b"): smaller distance first; equal distances by smaller id; NaN
// ranks after every number (NaNs among themselves by id). This is a strict total order, so
// the final ranking does not depend on scan order.
#pragma once

#include <cstddef>
#include <cstdint>

namespace vecgres {
namespace detail {

static inline bool nearer(float da, uint32_t ia, float db, uint32_t ib) {
  if (da < db) return true;
  if (da > db) return false;
  const bool na = da != da, nb = db != db;  // NaN tests without <cmath>
  if (na != nb) return nb;                  // the number beats the NaN
  return ia < ib;                           // equal distances, or two NaNs
}

class TopkHeap {
 public:
  // dists/ids: float[k] / uint32[k] of storage whose first `size` entries already form a heap
  // (0 for a new one); a scan re-opens a query's heap once per row block.
  TopkHeap(float* dists, uint32_t* ids, size_t k, size_t size)
      : dists_(dists), ids_(ids), k_(k), size_(size) {}

  size_t size() const { return size_; }

  // Offers one candidate. Common case (heap full, candidate not nearer): two comparisons.
  void push(float d, uint32_t id) {
    if (size_ < k_) {
      sift_up(size_++, d, id);
    } else if (k_ != 0 && nearer(d, id, dists_[0], ids_[0])) {
      sift_down(0, size_, d, id);
    }
  }

  // Sorts the kept candidates nearest first (in place heapsort: repeatedly moves the root,
  // the worst, to the end of the shrinking heap).
  void sort_nearest_first() {
    for (size_t n = size_; n > 1; --n) {
      const float d = dists_[n - 1];
      const uint32_t id = ids_[n - 1];
      dists_[n - 1] = dists_[0];
      ids_[n - 1] = ids_[0];
      sift_down(0, n - 1, d, id);
    }
  }

 private:
  // "Worse" is the heap's priority: parent is never nearer than its children.
  void sift_up(size_t pos, float d, uint32_t id) {
    while (pos > 0) {
      const size_t parent = (pos - 1) / 2;
      if (!nearer(dists_[parent], ids_[parent], d, id)) break;
      dists_[pos] = dists_[parent];
      ids_[pos] = ids_[parent];
      pos = parent;
    }
    dists_[pos] = d;
    ids_[pos] = id;
  }

  // Places (d, id) at `pos` of a heap of `n` entries and restores the order below it.
  void sift_down(size_t pos, size_t n, float d, uint32_t id) {
    for (;;) {
      size_t child = 2 * pos + 1;
      if (child >= n) break;
      if (child + 1 < n && nearer(dists_[child], ids_[child], dists_[child + 1], ids_[child + 1])) ++child;
      if (!nearer(d, id, dists_[child], ids_[child])) break;
      dists_[pos] = dists_[child];
      ids_[pos] = ids_[child];
      pos = child;
    }
    dists_[pos] = d;
    ids_[pos] = id;
  }

  float* dists_;
  uint32_t* ids_;
  size_t k_;
  size_t size_;
};

}  // namespace detail
}  // namespace vecgres
