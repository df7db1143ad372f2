// The O(n) IVFFlat calls, each one core call on the libuv threadpool: train (k-means; its
// threads run inside Execute), add (list assignment), search, serialize. Each Keep()s its
// handle object and every buffer it touches.
#include <string>

#include "addon_args.h"
#include "addon_index_io.h"
#include "addon_errors.h"
#include "addon_ivf.h"

namespace vecgres_addon {
namespace {


size_t RowBytes(const vecgres::IvfIndex& index) { return vecgres::row_bytes(index.params().type, index.params().dim); }

vecgres::IvfArena ToIvfArena(const HnswArenaArg& a) { return {a.arena.data, a.arena.n_rows, a.arena.row_stride}; }

// train(arena, {threads?, stop?}) and add(arena, from, to, {threads?, stop?}): both rewrite
// the index, so both count as writers while they run.
class AddonIvfWriteWorker : public AddonPromiseWorker {
 public:
  AddonIvfWriteWorker(Napi::Env env, AddonIvf& self, bool train)
      : AddonPromiseWorker(env, train ? "vecgres.ivf.train" : "vecgres.ivf.add"),
        self_(self),
        index_(self.index()),
        train_(train) {}
  ~AddonIvfWriteWorker() override {
    if (counted_) self_.writers().fetch_sub(1);
  }

  void Read(const Napi::CallbackInfo& info) {
    Keep(info.This().As<Napi::Object>());
    if (self_.writers().load() > 0) ThrowInvalid("the IVF index is already being built");
    arena_ = ReadHnswArena(info[0], RowBytes(*index_), *this);
    size_t opt_at = 1;
    if (!train_) {
      from_ = static_cast<uint32_t>(ReadInteger(info[1], 0, 0xFFFFFFFEull, "from"));
      to_ = static_cast<uint32_t>(ReadInteger(info[2], 0, 0xFFFFFFFEull, "to"));
      opt_at = 3;
    }
    const Napi::Object opts = ReadOptions(info[opt_at], info.Env());
    threads_ = static_cast<unsigned>(ReadOptionalInteger(opts, "threads", 0, 1024, 0));
    stop_ = ReadStop(opts, *this);
    self_.writers().fetch_add(1);
    counted_ = true;
  }

 protected:
  void Run() override {
    const vecgres::IvfArena arena = ToIvfArena(arena_);
    if (train_) {
      ThrowIfError(index_->train(vecgres::active_kernels(), arena, threads_, stop_));
    } else {
      ThrowIfError(index_->add(vecgres::active_kernels(), arena, from_, to_, threads_, stop_));
    }
  }

 private:
  AddonIvf& self_;
  std::shared_ptr<vecgres::IvfIndex> index_;
  bool train_;
  HnswArenaArg arena_;
  uint32_t from_ = 0, to_ = 0;
  unsigned threads_ = 0;
  const volatile int32_t* stop_ = nullptr;
  bool counted_ = false;
};

// search(arena, queries, nq, k, {probes?, allow?, stop?}, out: {ids, dists, counts})
class AddonIvfSearchWorker : public AddonPromiseWorker {
 public:
  AddonIvfSearchWorker(Napi::Env env, AddonIvf& self)
      : AddonPromiseWorker(env, "vecgres.ivf.search"), self_(self), index_(self.index()) {}

  void Read(const Napi::CallbackInfo& info) {
    Keep(info.This().As<Napi::Object>());
    if (self_.writers().load() > 0) ThrowInvalid("search: the index is being built (await train()/add() first)");
    const size_t rb = RowBytes(*index_);
    arena_ = ReadHnswArena(info[0], rb, *this);
    const Napi::Object opts = ReadSearchIo(info, rb, *this, args_, out_);
    args_.probes = ReadOptionalInteger(opts, "probes", 1, vecgres::kIvfMaxLists, 1);
  }

 protected:
  void Run() override {
    ThrowIfError(index_->search(vecgres::active_kernels(), ToIvfArena(arena_), args_, out_.ids, out_.dists, out_.counts));
  }

 private:
  AddonIvf& self_;
  std::shared_ptr<vecgres::IvfIndex> index_;
  HnswArenaArg arena_;
  vecgres::IvfSearchArgs args_;
  SearchOut out_;
};

// serialize(out: Uint8Array of >= serializedSize() bytes)
class AddonIvfSerializeWorker : public AddonPromiseWorker {
 public:
  AddonIvfSerializeWorker(Napi::Env env, AddonIvf& self)
      : AddonPromiseWorker(env, "vecgres.ivf.serialize"), self_(self), index_(self.index()) {}

  void Read(const Napi::CallbackInfo& info) {
    Keep(info.This().As<Napi::Object>());
    if (self_.writers().load() > 0) ThrowInvalid("serialize: the index is being built (await train()/add() first)");
    const BufferArg out = ReadTypedArray(info[0], napi_uint8_array, "out");
    Keep(out.object);
    out_ = out.data;
    bytes_ = out.byte_length;
  }

 protected:
  void Run() override { ThrowIfError(index_->serialize(out_, bytes_)); }

 private:
  AddonIvf& self_;
  std::shared_ptr<vecgres::IvfIndex> index_;
  uint8_t* out_ = nullptr;
  size_t bytes_ = 0;
};

}  // namespace

Napi::Value StartIvfTrain(const Napi::CallbackInfo& info, AddonIvf& self) {
  return StartIndexWorker<AddonIvfWriteWorker>(info, self, true);
}
Napi::Value StartIvfAdd(const Napi::CallbackInfo& info, AddonIvf& self) {
  return StartIndexWorker<AddonIvfWriteWorker>(info, self, false);
}
Napi::Value StartIvfSearch(const Napi::CallbackInfo& info, AddonIvf& self) { return StartIndexWorker<AddonIvfSearchWorker>(info, self); }
Napi::Value StartIvfSerialize(const Napi::CallbackInfo& info, AddonIvf& self) {
  return StartIndexWorker<AddonIvfSerializeWorker>(info, self);
}

}  // namespace vecgres_addon
