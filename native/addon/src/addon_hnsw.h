// HNSW glue: the AddonHnsw handle (an ObjectWrap over vecgres::HnswIndex) and its resumable
// scan handle. JS surface (mirrored by libs/native-bindings HnswAddonIndex):
//
//   hnswCreate({type, metric, dim, m, efConstruction, seed?})      -> HnswIndex   sync, O(1)
//   hnswOpen(bytes | MappedFile, byteOffset?, byteLength?)         -> HnswIndex   sync, O(1)
//   index.add(arena, from, to, {threads?, stop?})                  -> Promise<void>
//   index.search(arena, queries, nq, k, {ef?, allow?, stop?, twoHop?}, out) -> Promise<void>
//     (out: {ids, dists, counts, distances?}; searchSync takes the same arguments)
//   index.addGroupLinks(arena, positions, offsets, {m, efConstruction?, threads?, stop?})
//                                                                  -> Promise<void>
//   index.serializedSize() / index.serialize(out: Uint8Array)      -> number / Promise<void>
//   index.progress() / index.stats() / index.params()              sync, O(1)
//   index.scan(query, {ef?, allow?, maxVisited?, twoHop?})                  -> HnswScan    sync
//   index.payloadLinkShare(allow, sample)                          -> number      sync
//   scan.next(arena, n, {ids, dists})                              -> Promise<number>
//   scan.close()
// Arena: {data?: ArrayBuffer | TypedArray, file?: MappedFile, byteOffset?, rows, rowStride?}.
// Every worker Keep()s the handle object and every buffer it reads or writes, and mapped
// arenas are leased, so nothing is freed or unmapped under a running worker.
#pragma once

#include <napi.h>

#include <atomic>
#include <memory>
#include <mutex>

#include "addon_promise_worker.h"
#include "vecgres/hnsw.h"
#include "vecgres/mapped_file.h"

namespace vecgres_addon {

// A validated arena: where the rows are, plus what keeps them alive while a worker reads them.
struct HnswArenaArg {
  vecgres::HnswArena arena;
  std::shared_ptr<const vecgres::MappedFile> lease;  // set for mapped arenas
};

// Reads and bounds-checks an arena object for rows of `row_bytes` bytes; pins memory buffers
// on `worker`. Throws AddonError(kInvalidArgument).
HnswArenaArg ReadHnswArena(const Napi::Value& value, size_t row_bytes, BufferKeeper& worker);

// Reads {type, metric, dim, m, efConstruction, seed?}.
vecgres::HnswParams ReadHnswParams(const Napi::Value& value);
const char* ElemTypeName(vecgres::ElemType type);
const char* MetricName(vecgres::Metric metric);

class AddonHnsw : public Napi::ObjectWrap<AddonHnsw> {
 public:
  static Napi::Function DefineClass(Napi::Env env);
  explicit AddonHnsw(const Napi::CallbackInfo& info);

  const std::shared_ptr<vecgres::HnswIndex>& index() const { return index_; }
  // add() workers in flight: O(1) getters refuse to read a graph that a worker is rewriting.
  std::atomic<int>& writers() { return writers_; }

 private:
  Napi::Value Add(const Napi::CallbackInfo& info);
  Napi::Value AddGroupLinks(const Napi::CallbackInfo& info);
  Napi::Value Search(const Napi::CallbackInfo& info);
  Napi::Value SearchSync(const Napi::CallbackInfo& info);
  Napi::Value SerializedSize(const Napi::CallbackInfo& info);
  Napi::Value Serialize(const Napi::CallbackInfo& info);
  Napi::Value Progress(const Napi::CallbackInfo& info);
  Napi::Value Stats(const Napi::CallbackInfo& info);
  Napi::Value Params(const Napi::CallbackInfo& info);
  Napi::Value Scan(const Napi::CallbackInfo& info);
  Napi::Value PayloadLinkShare(const Napi::CallbackInfo& info);
  void CheckIdle(const char* what);

  std::shared_ptr<vecgres::HnswIndex> index_;
  Napi::ObjectReference source_;  // the JS buffer an opened graph reads (when not mapped)
  std::atomic<int> writers_{0};
  void* ctors_ = nullptr;  // the env's constructor table (owned by an env cleanup hook)
};

// One resumable scan; next() calls on the same scan are serialized by `mu`.
struct HnswScanBox {
  std::mutex mu;
  std::unique_ptr<vecgres::HnswScan> scan;
};

class AddonHnswScan : public Napi::ObjectWrap<AddonHnswScan> {
 public:
  static Napi::Function DefineClass(Napi::Env env);
  explicit AddonHnswScan(const Napi::CallbackInfo& info);

 private:
  Napi::Value Next(const Napi::CallbackInfo& info);
  Napi::Value Close(const Napi::CallbackInfo& info);
  Napi::Value Exhausted(const Napi::CallbackInfo& info);

  std::shared_ptr<HnswScanBox> box_;
  Napi::ObjectReference index_object_;  // keeps the index (and what it reads) alive
  size_t row_bytes_ = 0;
};

// Worker starters (addon_hnsw_workers.cpp).
Napi::Value StartHnswAdd(const Napi::CallbackInfo& info, AddonHnsw& self);
Napi::Value StartHnswGroupLinks(const Napi::CallbackInfo& info, AddonHnsw& self);
Napi::Value StartHnswSearch(const Napi::CallbackInfo& info, AddonHnsw& self);
// The bounds of searchSync (see RunHnswSearchSync): nq = 1, k and ef at most these.
constexpr uint64_t kHnswSyncMaxK = 1000;
constexpr uint64_t kHnswSyncMaxEf = 1000;
Napi::Value RunHnswSearchSync(const Napi::CallbackInfo& info, AddonHnsw& self);
Napi::Value StartHnswSerialize(const Napi::CallbackInfo& info, AddonHnsw& self);
void RegisterHnsw(Napi::Env env, Napi::Object exports);  // addon_hnsw.cpp
Napi::Value StartHnswScanNext(const Napi::CallbackInfo& info, std::shared_ptr<HnswScanBox> box,
                              size_t row_bytes);

}  // namespace vecgres_addon
