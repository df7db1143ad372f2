// IVFFlat glue: the AddonIvf handle (an ObjectWrap over vecgres::IvfIndex). JS surface
// (mirrored by libs/native-bindings ivf-native.ts):
//
//   ivfCreate({type, metric, dim, lists, seed?, iterations?})         -> IvfIndex  sync, O(1)
//   ivfOpen(bytes | MappedFile, byteOffset?, byteLength?)             -> IvfIndex  sync, O(1)
//   index.train(arena, {threads?, stop?})                             -> Promise<void>
//   index.add(arena, from, to, {threads?, stop?})                     -> Promise<void>
//   index.search(arena, queries, nq, k, {probes?, allow?, stop?}, out) -> Promise<void>
//   index.serializedSize() / index.serialize(out: Uint8Array)         -> number / Promise<void>
//   index.progress() / index.stats() / index.params()                 sync, O(1)
// Arenas are read with the HNSW glue's reader (same object shape, same leases).
#pragma once

#include <napi.h>

#include <atomic>
#include <memory>

#include "addon_hnsw.h"
#include "addon_promise_worker.h"
#include "vecgres/ivf.h"

namespace vecgres_addon {

class AddonIvf : public Napi::ObjectWrap<AddonIvf> {
 public:
  static Napi::Function DefineClass(Napi::Env env);
  explicit AddonIvf(const Napi::CallbackInfo& info);

  const std::shared_ptr<vecgres::IvfIndex>& index() const { return index_; }
  // train()/add() workers in flight: getters and searches refuse to read lists being rewritten.
  std::atomic<int>& writers() { return writers_; }

 private:
  Napi::Value Train(const Napi::CallbackInfo& info);
  Napi::Value Add(const Napi::CallbackInfo& info);
  Napi::Value Search(const Napi::CallbackInfo& info);
  Napi::Value SerializedSize(const Napi::CallbackInfo& info);
  Napi::Value Serialize(const Napi::CallbackInfo& info);
  Napi::Value Progress(const Napi::CallbackInfo& info);
  Napi::Value Stats(const Napi::CallbackInfo& info);
  Napi::Value Params(const Napi::CallbackInfo& info);
  void CheckIdle(const char* what);

  std::shared_ptr<vecgres::IvfIndex> index_;
  Napi::ObjectReference source_;  // the JS buffer an opened index reads (when not mapped)
  std::atomic<int> writers_{0};
};

// Worker starters (addon_ivf_workers.cpp).
Napi::Value StartIvfTrain(const Napi::CallbackInfo& info, AddonIvf& self);
Napi::Value StartIvfAdd(const Napi::CallbackInfo& info, AddonIvf& self);
Napi::Value StartIvfSearch(const Napi::CallbackInfo& info, AddonIvf& self);
Napi::Value StartIvfSerialize(const Napi::CallbackInfo& info, AddonIvf& self);
void RegisterIvf(Napi::Env env, Napi::Object exports);  // addon_ivf.cpp

}  // namespace vecgres_addon
