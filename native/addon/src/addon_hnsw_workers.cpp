// The O(n) HNSW calls, each one core call on the libuv threadpool: add (the build: one worker
// that runs the core's own insert threads inside Execute, never on the event loop), search,
// serialize and scan-next. Each Keep()s its handle object and every buffer it touches.
#include <string>

#include "addon_args.h"
#include "addon_index_io.h"
#include "addon_errors.h"
#include "addon_hnsw.h"

namespace vecgres_addon {
namespace {


size_t RowBytes(const vecgres::HnswIndex& index) {
  return vecgres::row_bytes(index.params().type, index.params().dim);
}

// options[key]: undefined -> false, else must be a boolean.
bool ReadOptionalFlag(const Napi::Object& opts, const char* key) {
  const Napi::Value v = opts.Get(key);
  if (v.IsUndefined()) return false;
  if (!v.IsBoolean()) ThrowInvalid(std::string(key) + " must be a boolean (got " + DescribeValue(v) + ")");
  return v.As<Napi::Boolean>().Value();
}

// add(arena, from, to, {threads?, stop?})
class AddonHnswAddWorker : public AddonPromiseWorker {
 public:
  AddonHnswAddWorker(Napi::Env env, AddonHnsw& self)
      : AddonPromiseWorker(env, "vecgres.hnsw.add"), self_(self), index_(self.index()) {}
  ~AddonHnswAddWorker() override {
    if (counted_) self_.writers().fetch_sub(1);  // runs on the JS thread once settled
  }

  void Read(const Napi::CallbackInfo& info) {
    Keep(info.This().As<Napi::Object>());
    arena_ = ReadHnswArena(info[0], RowBytes(*index_), *this);
    from_ = static_cast<uint32_t>(ReadInteger(info[1], 0, 0xFFFFFFFEull, "from"));
    to_ = static_cast<uint32_t>(ReadInteger(info[2], 0, 0xFFFFFFFEull, "to"));
    const Napi::Object opts = ReadOptions(info[3], info.Env());
    threads_ = static_cast<unsigned>(ReadOptionalInteger(opts, "threads", 0, 1024, 0));
    stop_ = ReadStop(opts, *this);
    self_.writers().fetch_add(1);
    counted_ = true;
  }

 protected:
  void Run() override {
    ThrowIfError(index_->add(vecgres::active_kernels(), arena_.arena, from_, to_, threads_, stop_));
  }

 private:
  AddonHnsw& self_;  // alive: its JS object is kept
  std::shared_ptr<vecgres::HnswIndex> index_;
  HnswArenaArg arena_;
  uint32_t from_ = 0, to_ = 0;
  unsigned threads_ = 0;
  const volatile int32_t* stop_ = nullptr;
  bool counted_ = false;
};

// One search call's arguments, read and pinned through `keeper`: a promise worker for the
// threadpool search, a CallScope for searchSync.
struct HnswSearchCall {
  std::shared_ptr<vecgres::HnswIndex> index;
  HnswArenaArg arena;
  vecgres::HnswSearchArgs args;
  SearchOut out;

  void Read(const Napi::CallbackInfo& info, BufferKeeper& keeper) {
    keeper.Keep(info.This().As<Napi::Object>());
    const size_t rb = RowBytes(*index);
    arena = ReadHnswArena(info[0], rb, keeper);
    const Napi::Object opts = ReadSearchIo(info, rb, keeper, args, out);
    args.ef = ReadOptionalInteger(opts, "ef", 1, vecgres::kHnswMaxEf, 40);
    args.two_hop = ReadOptionalFlag(opts, "twoHop");
    args.max_distances = ReadOptionalInteger(opts, "maxDistances", 0, UINT32_MAX, 0);
    const Napi::Value distances = info[5].As<Napi::Object>().Get("distances");
    if (!distances.IsUndefined()) {
      const BufferArg d = ReadTypedArray(distances, napi_uint32_array, "out.distances");
      if (d.length < args.nq) ThrowInvalid("out.distances needs nq = " + std::to_string(args.nq) + " elements");
      keeper.Keep(d.object);
      args.distances = reinterpret_cast<uint32_t*>(d.data);
    }
  }

  void Run() {
    ThrowIfError(index->search(vecgres::active_kernels(), arena.arena, args, out.ids, out.dists, out.counts));
  }
};

// search(arena, queries, nq, k, {ef?, allow?, stop?, twoHop?, maxDistances?},
//        out: {ids, dists, counts, distances?}) -> Promise
// out.distances: optional Uint32Array >= nq, distance computations per query.
class AddonHnswSearchWorker : public AddonPromiseWorker {
 public:
  AddonHnswSearchWorker(Napi::Env env, AddonHnsw& self) : AddonPromiseWorker(env, "vecgres.hnsw.search") {
    call_.index = self.index();
  }
  void Read(const Napi::CallbackInfo& info) { call_.Read(info, *this); }

 protected:
  void Run() override { call_.Run(); }

 private:
  HnswSearchCall call_;
};

// addGroupLinks(arena, positions: Uint32Array, offsets: Uint32Array (groups + 1),
//               {m, efConstruction?, threads?, stop?})
class AddonHnswGroupLinksWorker : public AddonPromiseWorker {
 public:
  AddonHnswGroupLinksWorker(Napi::Env env, AddonHnsw& self)
      : AddonPromiseWorker(env, "vecgres.hnsw.addGroupLinks"), self_(self), index_(self.index()) {}
  ~AddonHnswGroupLinksWorker() override {
    if (counted_) self_.writers().fetch_sub(1);
  }

  void Read(const Napi::CallbackInfo& info) {
    Keep(info.This().As<Napi::Object>());
    arena_ = ReadHnswArena(info[0], RowBytes(*index_), *this);
    const BufferArg positions = ReadTypedArray(info[1], napi_uint32_array, "positions");
    const BufferArg offsets = ReadTypedArray(info[2], napi_uint32_array, "offsets");
    if (offsets.length < 1) ThrowInvalid("offsets needs groups + 1 >= 1 elements");
    const uint32_t* off = reinterpret_cast<const uint32_t*>(offsets.data);
    groups_ = offsets.length - 1;
    if (off[groups_] > positions.length) {
      ThrowInvalid("offsets[groups] = " + std::to_string(off[groups_]) + " exceeds positions.length = " +
                   std::to_string(positions.length));
    }
    Keep(positions.object);
    Keep(offsets.object);
    positions_ = reinterpret_cast<const uint32_t*>(positions.data);
    offsets_ = off;
    const Napi::Object opts = ReadObject(info[3], "options");
    params_.m = static_cast<uint32_t>(ReadInteger(opts.Get("m"), 2, vecgres::kHnswMaxM, "m"));
    params_.ef_construction =
        static_cast<uint32_t>(ReadOptionalInteger(opts, "efConstruction", params_.m, vecgres::kHnswMaxEf, 0));
    threads_ = static_cast<unsigned>(ReadOptionalInteger(opts, "threads", 0, 1024, 0));
    stop_ = ReadStop(opts, *this);
    self_.writers().fetch_add(1);
    counted_ = true;
  }

 protected:
  void Run() override {
    ThrowIfError(index_->add_group_links(vecgres::active_kernels(), arena_.arena, positions_, offsets_, groups_,
                                         params_, threads_, stop_));
  }

 private:
  AddonHnsw& self_;
  std::shared_ptr<vecgres::HnswIndex> index_;
  HnswArenaArg arena_;
  const uint32_t* positions_ = nullptr;
  const uint32_t* offsets_ = nullptr;
  size_t groups_ = 0;
  vecgres::HnswGroupLinkParams params_;
  unsigned threads_ = 0;
  const volatile int32_t* stop_ = nullptr;
  bool counted_ = false;
};

// serialize(out: Uint8Array of >= serializedSize() bytes)
class AddonHnswSerializeWorker : public AddonPromiseWorker {
 public:
  AddonHnswSerializeWorker(Napi::Env env, AddonHnsw& self)
      : AddonPromiseWorker(env, "vecgres.hnsw.serialize"), index_(self.index()) {}

  void Read(const Napi::CallbackInfo& info) {
    Keep(info.This().As<Napi::Object>());
    const BufferArg out = ReadTypedArray(info[0], napi_uint8_array, "out");
    Keep(out.object);
    out_ = out.data;
    bytes_ = out.byte_length;
  }

 protected:
  void Run() override { ThrowIfError(index_->serialize(out_, bytes_)); }

 private:
  std::shared_ptr<vecgres::HnswIndex> index_;
  uint8_t* out_ = nullptr;
  size_t bytes_ = 0;
};

// next(arena, n, out: {ids: Uint32Array >= n, dists: Float32Array >= n}) -> count
class AddonHnswScanNextWorker : public AddonPromiseWorker {
 public:
  AddonHnswScanNextWorker(Napi::Env env, std::shared_ptr<HnswScanBox> box, size_t row_bytes)
      : AddonPromiseWorker(env, "vecgres.hnsw.scanNext"), box_(std::move(box)), row_bytes_(row_bytes) {}

  void Read(const Napi::CallbackInfo& info) {
    Keep(info.This().As<Napi::Object>());
    arena_ = ReadHnswArena(info[0], row_bytes_, *this);
    n_ = ReadInteger(info[1], 0, kMaxK, "n");
    const Napi::Object out = ReadObject(info[2], "out");
    const BufferArg ids = ReadTypedArray(out.Get("ids"), napi_uint32_array, "out.ids");
    const BufferArg dists = ReadTypedArray(out.Get("dists"), napi_float32_array, "out.dists");
    if (ids.length < n_ || dists.length < n_) ThrowInvalid("out.ids and out.dists need n = " + std::to_string(n_) + " elements");
    Keep(ids.object);
    Keep(dists.object);
    ids_ = reinterpret_cast<uint32_t*>(ids.data);
    dists_ = reinterpret_cast<float*>(dists.data);
  }

 protected:
  void Run() override {
    std::lock_guard<std::mutex> lock(box_->mu);
    ThrowIfError(box_->scan->next(vecgres::active_kernels(), arena_.arena, n_, ids_, dists_, &count_));
  }
  Napi::Value Result(Napi::Env env) override { return Napi::Number::New(env, static_cast<double>(count_)); }

 private:
  std::shared_ptr<HnswScanBox> box_;
  size_t row_bytes_;
  HnswArenaArg arena_;
  size_t n_ = 0;
  uint32_t* ids_ = nullptr;
  float* dists_ = nullptr;
  size_t count_ = 0;
};

}  // namespace

Napi::Value StartHnswAdd(const Napi::CallbackInfo& info, AddonHnsw& self) {
  return StartIndexWorker<AddonHnswAddWorker>(info, self);
}
Napi::Value StartHnswGroupLinks(const Napi::CallbackInfo& info, AddonHnsw& self) {
  return StartIndexWorker<AddonHnswGroupLinksWorker>(info, self);
}
Napi::Value StartHnswSearch(const Napi::CallbackInfo& info, AddonHnsw& self) {
  return StartIndexWorker<AddonHnswSearchWorker>(info, self);
}
// searchSync(arena, queries, nq, k, {ef?, allow?}, out): same arguments as search, run on the
// JS thread. Bounded to nq = 1, k <= kHnswSyncMaxK and ef <= kHnswSyncMaxEf: an HNSW search
// visits O(ef * M * log n) nodes (sublinear), so this bound keeps one call to tens or hundreds
// of microseconds, well under an event-loop tick budget, and saves the threadpool hop (queue,
// wake-up, promise settle: tens of microseconds per query). Larger or batched searches must
// use the async search. The arguments are read as search reads them but not pinned (they stay
// alive for the call anyway): no worker, promise or persistent reference is created per query.
Napi::Value RunHnswSearchSync(const Napi::CallbackInfo& info, AddonHnsw& self) {
  HnswSearchCall call;
  call.index = self.index();
  CallScope scope;
  call.Read(info, scope);
  if (call.args.nq > 1 || call.args.k > kHnswSyncMaxK || call.args.ef > kHnswSyncMaxEf) {
    ThrowInvalid("searchSync is bounded to nq <= 1, k <= " + std::to_string(kHnswSyncMaxK) + ", ef <= " +
                 std::to_string(kHnswSyncMaxEf) + " (use search)");
  }
  call.Run();
  return info.Env().Undefined();
}

Napi::Value StartHnswSerialize(const Napi::CallbackInfo& info, AddonHnsw& self) {
  return StartIndexWorker<AddonHnswSerializeWorker>(info, self);
}
Napi::Value StartHnswScanNext(const Napi::CallbackInfo& info, std::shared_ptr<HnswScanBox> box, size_t row_bytes) {
  return StartIndexWorker<AddonHnswScanNextWorker>(info, std::move(box), row_bytes);
}

}  // namespace vecgres_addon
