// HNSW handles: hnswCreate / hnswOpen factories, the AddonHnsw and AddonHnswScan ObjectWraps
// and their O(1) synchronous methods. The O(n) methods start workers (addon_hnsw_workers.cpp).
#include <string>
#include <utility>

#include "addon_args.h"
#include "addon_errors.h"
#include "addon_index_io.h"
#include "addon_hnsw.h"
#include "addon_register.h"

namespace vecgres_addon {
namespace {

constexpr uint64_t kMaxSafe = (uint64_t{1} << 53) - 1;

// What the factories hand the constructors (through an External, so JS cannot forge handles).
struct HnswInit {
  std::shared_ptr<vecgres::HnswIndex> index;
  napi_value source = nullptr;  // the JS bytes an opened graph reads, if any
  void* ctors = nullptr;        // HnswConstructors (Scan() creates scan handles with it)
};

struct ScanInit {
  std::shared_ptr<HnswScanBox> box;
  size_t row_bytes = 0;
  napi_value index_object = nullptr;
};

struct HnswConstructors {
  Napi::FunctionReference index;
  Napi::FunctionReference scan;
};

// Synchronous functions throw a NativeError-shaped Error (with `code`) on bad input.
template <typename Body>
Napi::Value SyncCall(const Napi::CallbackInfo& info, Body&& body) {
  try {
    return body();
  } catch (const AddonError& e) {
    throw MakeNativeError(info.Env(), e.code(), e.what());
  }
}

Napi::Value NewIndex(const Napi::CallbackInfo& info, HnswInit init) {
  auto* ctors = static_cast<HnswConstructors*>(info.Data());
  init.ctors = ctors;
  return ctors->index.New({Napi::External<HnswInit>::New(info.Env(), &init)});
}

Napi::Value HnswCreate(const Napi::CallbackInfo& info) {
  return SyncCall(info, [&]() {
    const vecgres::HnswParams params = ReadHnswParams(info[0]);
    std::unique_ptr<vecgres::HnswIndex> index;
    ThrowIfError(vecgres::HnswIndex::create(params, &index));
    return NewIndex(info, HnswInit{std::move(index), nullptr});
  });
}

// hnswOpen(source, byteOffset = 0, byteLength = rest): the graph is read in place.
Napi::Value HnswOpen(const Napi::CallbackInfo& info) {
  return SyncCall(info, [&]() {
    IndexSource src = ReadIndexSource(info);
    std::unique_ptr<vecgres::HnswIndex> index;
    ThrowIfError(vecgres::HnswIndex::open(src.data, src.length, std::move(src.lease), &index));
    return NewIndex(info, HnswInit{std::move(index), src.source});
  });
}

}  // namespace

Napi::Function AddonHnsw::DefineClass(Napi::Env env) {
  return ObjectWrap<AddonHnsw>::DefineClass(
      env, "HnswIndex",
      {InstanceMethod<&AddonHnsw::Add>("add"), InstanceMethod<&AddonHnsw::AddGroupLinks>("addGroupLinks"),
       InstanceMethod<&AddonHnsw::Search>("search"),
       InstanceMethod<&AddonHnsw::SearchSync>("searchSync"),
       InstanceMethod<&AddonHnsw::SerializedSize>("serializedSize"),
       InstanceMethod<&AddonHnsw::Serialize>("serialize"), InstanceMethod<&AddonHnsw::Progress>("progress"),
       InstanceMethod<&AddonHnsw::Stats>("stats"), InstanceMethod<&AddonHnsw::Params>("params"),
       InstanceMethod<&AddonHnsw::Scan>("scan"),
       InstanceMethod<&AddonHnsw::PayloadLinkShare>("payloadLinkShare")});
}

AddonHnsw::AddonHnsw(const Napi::CallbackInfo& info) : ObjectWrap<AddonHnsw>(info) {
  if (info.Length() != 1 || !info[0].IsExternal()) {
    throw MakeNativeError(info.Env(), vecgres::StatusCode::kInvalidArgument,
                          "HnswIndex objects are created by hnswCreate() or hnswOpen()");
  }
  HnswInit* init = info[0].As<Napi::External<HnswInit>>().Data();
  index_ = std::move(init->index);
  ctors_ = init->ctors;
  if (init->source != nullptr) source_ = Napi::Persistent(Napi::Object(info.Env(), init->source));
}

void AddonHnsw::CheckIdle(const char* what) {
  if (writers_.load() > 0) ThrowInvalid(std::string(what) + ": the index is being built (await add() first)");
}

Napi::Value AddonHnsw::Add(const Napi::CallbackInfo& info) { return StartHnswAdd(info, *this); }
Napi::Value AddonHnsw::AddGroupLinks(const Napi::CallbackInfo& info) { return StartHnswGroupLinks(info, *this); }
Napi::Value AddonHnsw::Search(const Napi::CallbackInfo& info) { return StartHnswSearch(info, *this); }
Napi::Value AddonHnsw::Serialize(const Napi::CallbackInfo& info) { return StartHnswSerialize(info, *this); }

Napi::Value AddonHnsw::SearchSync(const Napi::CallbackInfo& info) {
  return SyncCall(info, [&]() {
    // A graph being rewritten by add() is never read on the event loop (it would block on it).
    CheckIdle("searchSync");
    return RunHnswSearchSync(info, *this);
  });
}

Napi::Value AddonHnsw::SerializedSize(const Napi::CallbackInfo& info) {
  return SyncCall(info, [&]() {
    CheckIdle("serializedSize");
    return Napi::Number::New(info.Env(), static_cast<double>(index_->serialized_size()));
  });
}

Napi::Value AddonHnsw::Progress(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), static_cast<double>(index_->progress()));
}

Napi::Value AddonHnsw::Stats(const Napi::CallbackInfo& info) {
  return SyncCall(info, [&]() {
    CheckIdle("stats");
    const vecgres::HnswStats s = index_->stats();
    Napi::Object o = Napi::Object::New(info.Env());
    o.Set("nodes", Napi::Number::New(info.Env(), s.nodes));
    o.Set("maxLevel", Napi::Number::New(info.Env(), s.max_level));
    o.Set("entryPoint", s.entry_point == vecgres::kHnswNoNode ? info.Env().Null()
                                                                : Napi::Number::New(info.Env(), s.entry_point));
    o.Set("bytes", Napi::Number::New(info.Env(), static_cast<double>(s.bytes)));
    o.Set("payloadLinkBytes", Napi::Number::New(info.Env(), static_cast<double>(s.payload_link_bytes)));
    o.Set("payloadM", Napi::Number::New(info.Env(), s.payload_m));
    o.Set("repaired", Napi::Number::New(info.Env(), s.repaired));
    return o;
  });
}

// payloadLinkShare(allow: Uint8Array, sample: integer) -> number in [0, 1] (hnsw.h).
Napi::Value AddonHnsw::PayloadLinkShare(const Napi::CallbackInfo& info) {
  return SyncCall(info, [&]() {
    CheckIdle("payloadLinkShare");
    const BufferArg a = ReadTypedArray(info[0], napi_uint8_array, "allow");
    if (!info[1].IsNumber()) ThrowInvalid("sample must be a number");
    const double sample = info[1].As<Napi::Number>().DoubleValue();
    if (!(sample >= 1 && sample <= 1e6) || sample != static_cast<double>(static_cast<int64_t>(sample))) {
      ThrowInvalid("sample must be an integer in [1, 1000000]");
    }
    return Napi::Number::New(info.Env(), index_->payload_link_share(a.data, a.byte_length * 8, static_cast<size_t>(sample)));
  });
}

Napi::Value AddonHnsw::Params(const Napi::CallbackInfo& info) {
  const vecgres::HnswParams& p = index_->params();
  Napi::Object o = Napi::Object::New(info.Env());
  o.Set("type", ElemTypeName(p.type));
  o.Set("metric", MetricName(p.metric));
  o.Set("dim", Napi::Number::New(info.Env(), p.dim));
  o.Set("m", Napi::Number::New(info.Env(), p.m));
  o.Set("efConstruction", Napi::Number::New(info.Env(), p.ef_construction));
  o.Set("seed", Napi::Number::New(info.Env(), static_cast<double>(p.seed)));
  return o;
}

// scan(query, {ef?, allow?, maxVisited?, twoHop?}): copies the query row and the allow bitmap.
Napi::Value AddonHnsw::Scan(const Napi::CallbackInfo& info) {
  return SyncCall(info, [&]() {
    const vecgres::HnswParams& p = index_->params();
    const size_t rb = vecgres::row_bytes(p.type, p.dim);
    const BufferArg query = ReadBuffer(info[0], napi_uint8_array, false, "query");
    if (query.byte_length < rb) ThrowInvalid("query has " + std::to_string(query.byte_length) + " bytes; " + std::to_string(rb) + " needed");
    const Napi::Object opts = info[1].IsUndefined() ? Napi::Object::New(info.Env()) : ReadObject(info[1], "options");
    const size_t ef = ReadOptionalInteger(opts, "ef", 1, vecgres::kHnswMaxEf, 40);
    const uint64_t max_visited = ReadOptionalInteger(opts, "maxVisited", 0, kMaxSafe, 0);
    const uint8_t* allow = nullptr;
    size_t allow_bits = 0;
    if (!opts.Get("allow").IsUndefined()) {
      const BufferArg a = ReadTypedArray(opts.Get("allow"), napi_uint8_array, "allow");
      allow = a.data;
      allow_bits = a.byte_length * 8;
    }
    const Napi::Value two_hop = opts.Get("twoHop");
    if (!two_hop.IsUndefined() && !two_hop.IsBoolean()) ThrowInvalid("twoHop must be a boolean");
    const bool use_two_hop = two_hop.IsBoolean() && two_hop.As<Napi::Boolean>().Value();
    auto box = std::make_shared<HnswScanBox>();
    box->scan = std::make_unique<vecgres::HnswScan>(index_, query.data, ef, allow, allow_bits, max_visited,
                                                    use_two_hop);
    ScanInit init{std::move(box), rb, info.This()};
    return static_cast<HnswConstructors*>(ctors_)->scan.New({Napi::External<ScanInit>::New(info.Env(), &init)});
  });
}

Napi::Function AddonHnswScan::DefineClass(Napi::Env env) {
  return ObjectWrap<AddonHnswScan>::DefineClass(
      env, "HnswScan",
      {InstanceMethod<&AddonHnswScan::Next>("next"), InstanceMethod<&AddonHnswScan::Close>("close"),
       InstanceAccessor<&AddonHnswScan::Exhausted>("exhausted")});
}

AddonHnswScan::AddonHnswScan(const Napi::CallbackInfo& info) : ObjectWrap<AddonHnswScan>(info) {
  if (info.Length() != 1 || !info[0].IsExternal()) {
    throw MakeNativeError(info.Env(), vecgres::StatusCode::kInvalidArgument,
                          "HnswScan objects are created by HnswIndex.scan()");
  }
  ScanInit* init = info[0].As<Napi::External<ScanInit>>().Data();
  box_ = std::move(init->box);
  row_bytes_ = init->row_bytes;
  index_object_ = Napi::Persistent(Napi::Object(info.Env(), init->index_object));
}

Napi::Value AddonHnswScan::Next(const Napi::CallbackInfo& info) {
  if (!box_) {
    return RejectedPromise(info.Env(), vecgres::StatusCode::kInvalidArgument, "the scan is closed");
  }
  return StartHnswScanNext(info, box_, row_bytes_);
}

// Drops this handle's share; a next() in flight keeps the scan until it settles.
Napi::Value AddonHnswScan::Close(const Napi::CallbackInfo& info) {
  box_.reset();
  index_object_.Reset();
  return info.Env().Undefined();
}

Napi::Value AddonHnswScan::Exhausted(const Napi::CallbackInfo& info) {
  if (!box_) return Napi::Boolean::New(info.Env(), true);
  std::unique_lock<std::mutex> lock(box_->mu, std::try_to_lock);
  // A next() is running: not known yet, so "not exhausted" (the caller awaits next() anyway).
  return Napi::Boolean::New(info.Env(), lock.owns_lock() && box_->scan->exhausted());
}

void RegisterHnsw(Napi::Env env, Napi::Object exports) {
  auto* ctors = new HnswConstructors();
  env.AddCleanupHook([ctors]() { delete ctors; });
  Napi::Function index_class = AddonHnsw::DefineClass(env);
  Napi::Function scan_class = AddonHnswScan::DefineClass(env);
  ctors->index = Napi::Persistent(index_class);
  ctors->scan = Napi::Persistent(scan_class);
  exports.Set("hnswCreate", Napi::Function::New(env, HnswCreate, "hnswCreate", ctors));
  exports.Set("hnswOpen", Napi::Function::New(env, HnswOpen, "hnswOpen", ctors));
}

}  // namespace vecgres_addon
