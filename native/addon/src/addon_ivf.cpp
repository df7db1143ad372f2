// IVFFlat handles: ivfCreate / ivfOpen factories and the AddonIvf ObjectWrap's O(1)
// synchronous methods. The O(n) methods start workers (addon_ivf_workers.cpp).
#include <cstring>
#include <string>
#include <utility>

#include "addon_args.h"
#include "addon_errors.h"
#include "addon_index_io.h"
#include "addon_ivf.h"

namespace vecgres_addon {
namespace {

constexpr uint64_t kMaxSafe = (uint64_t{1} << 53) - 1;

struct IvfInit {
  std::shared_ptr<vecgres::IvfIndex> index;
  napi_value source = nullptr;
};

template <typename Body>
Napi::Value SyncCall(const Napi::CallbackInfo& info, Body&& body) {
  try {
    return body();
  } catch (const AddonError& e) {
    throw MakeNativeError(info.Env(), e.code(), e.what());
  }
}

// Only the names the IVF accepts; the core re-checks the pair.
vecgres::Metric ReadIvfMetric(const Napi::Object& o) {
  const Napi::Value v = o.Get("metric");
  const std::string s = v.IsString() ? v.As<Napi::String>().Utf8Value() : std::string();
  if (s == "l2sq") return vecgres::Metric::kL2Sq;
  if (s == "negdot") return vecgres::Metric::kNegDot;
  if (s == "cosine") return vecgres::Metric::kCosine;
  if (s == "l1") return vecgres::Metric::kL1;
  ThrowInvalid("ivf params.metric must be one of l2sq, negdot, cosine, l1 (got " + DescribeValue(v) + ")");
  return vecgres::Metric::kL2Sq;
}

vecgres::IvfParams ReadIvfParams(const Napi::Value& value) {
  const Napi::Object o = ReadObject(value, "ivf params");
  vecgres::IvfParams p;
  const Napi::Value type = o.Get("type");
  if (!type.IsString() || type.As<Napi::String>().Utf8Value() != "f32") {
    ThrowInvalid("ivf params.type must be \"f32\" (got " + DescribeValue(type) + ")");
  }
  p.type = vecgres::ElemType::kF32;
  p.metric = ReadIvfMetric(o);
  p.dim = static_cast<uint32_t>(ReadInteger(o.Get("dim"), 1, uint64_t{1} << 24, "dim"));
  p.lists = static_cast<uint32_t>(ReadInteger(o.Get("lists"), 1, vecgres::kIvfMaxLists, "lists"));
  p.seed = ReadOptionalInteger(o, "seed", 0, kMaxSafe, p.seed);
  p.iterations = static_cast<uint32_t>(ReadOptionalInteger(o, "iterations", 0, 1000, p.iterations));
  return p;
}

Napi::Value NewIndex(const Napi::CallbackInfo& info, IvfInit init) {
  auto* ctor = static_cast<Napi::FunctionReference*>(info.Data());
  return ctor->New({Napi::External<IvfInit>::New(info.Env(), &init)});
}

Napi::Value IvfCreate(const Napi::CallbackInfo& info) {
  return SyncCall(info, [&]() {
    std::unique_ptr<vecgres::IvfIndex> index;
    ThrowIfError(vecgres::IvfIndex::create(ReadIvfParams(info[0]), &index));
    return NewIndex(info, IvfInit{std::move(index), nullptr});
  });
}

// ivfOpen(source, byteOffset = 0, byteLength = rest): the lists are read in place.
Napi::Value IvfOpen(const Napi::CallbackInfo& info) {
  return SyncCall(info, [&]() {
    IndexSource src = ReadIndexSource(info);
    std::unique_ptr<vecgres::IvfIndex> index;
    ThrowIfError(vecgres::IvfIndex::open(src.data, src.length, std::move(src.lease), &index));
    return NewIndex(info, IvfInit{std::move(index), src.source});
  });
}

}  // namespace

Napi::Function AddonIvf::DefineClass(Napi::Env env) {
  return ObjectWrap<AddonIvf>::DefineClass(
      env, "IvfIndex",
      {InstanceMethod<&AddonIvf::Train>("train"), InstanceMethod<&AddonIvf::Add>("add"),
       InstanceMethod<&AddonIvf::Search>("search"), InstanceMethod<&AddonIvf::SerializedSize>("serializedSize"),
       InstanceMethod<&AddonIvf::Serialize>("serialize"), InstanceMethod<&AddonIvf::Progress>("progress"),
       InstanceMethod<&AddonIvf::Stats>("stats"), InstanceMethod<&AddonIvf::Params>("params")});
}

AddonIvf::AddonIvf(const Napi::CallbackInfo& info) : ObjectWrap<AddonIvf>(info) {
  if (info.Length() != 1 || !info[0].IsExternal()) {
    throw MakeNativeError(info.Env(), vecgres::StatusCode::kInvalidArgument,
                          "IvfIndex objects are created by ivfCreate() or ivfOpen()");
  }
  IvfInit* init = info[0].As<Napi::External<IvfInit>>().Data();
  index_ = std::move(init->index);
  if (init->source != nullptr) source_ = Napi::Persistent(Napi::Object(info.Env(), init->source));
}

void AddonIvf::CheckIdle(const char* what) {
  if (writers_.load() > 0) ThrowInvalid(std::string(what) + ": the index is being built (await train()/add() first)");
}

Napi::Value AddonIvf::Train(const Napi::CallbackInfo& info) { return StartIvfTrain(info, *this); }
Napi::Value AddonIvf::Add(const Napi::CallbackInfo& info) { return StartIvfAdd(info, *this); }
Napi::Value AddonIvf::Search(const Napi::CallbackInfo& info) { return StartIvfSearch(info, *this); }
Napi::Value AddonIvf::Serialize(const Napi::CallbackInfo& info) { return StartIvfSerialize(info, *this); }

Napi::Value AddonIvf::SerializedSize(const Napi::CallbackInfo& info) {
  return SyncCall(info, [&]() {
    CheckIdle("serializedSize");
    return Napi::Number::New(info.Env(), static_cast<double>(index_->serialized_size()));
  });
}

Napi::Value AddonIvf::Progress(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), static_cast<double>(index_->progress()));
}

Napi::Value AddonIvf::Stats(const Napi::CallbackInfo& info) {
  return SyncCall(info, [&]() {
    CheckIdle("stats");
    const vecgres::IvfStats s = index_->stats();
    Napi::Object o = Napi::Object::New(info.Env());
    o.Set("lists", Napi::Number::New(info.Env(), s.lists));
    o.Set("rows", Napi::Number::New(info.Env(), s.rows));
    o.Set("trained", Napi::Boolean::New(info.Env(), s.trained != 0));
    o.Set("largestList", Napi::Number::New(info.Env(), s.largest_list));
    o.Set("bytes", Napi::Number::New(info.Env(), static_cast<double>(s.bytes)));
    return o;
  });
}

Napi::Value AddonIvf::Params(const Napi::CallbackInfo& info) {
  const vecgres::IvfParams& p = index_->params();
  Napi::Object o = Napi::Object::New(info.Env());
  o.Set("type", ElemTypeName(p.type));
  o.Set("metric", MetricName(p.metric));
  o.Set("dim", Napi::Number::New(info.Env(), p.dim));
  o.Set("lists", Napi::Number::New(info.Env(), p.lists));
  o.Set("seed", Napi::Number::New(info.Env(), static_cast<double>(p.seed)));
  o.Set("iterations", Napi::Number::New(info.Env(), p.iterations));
  return o;
}

void RegisterIvf(Napi::Env env, Napi::Object exports) {
  auto* ctor = new Napi::FunctionReference(Napi::Persistent(AddonIvf::DefineClass(env)));
  env.AddCleanupHook([ctor]() { delete ctor; });
  exports.Set("ivfCreate", Napi::Function::New(env, IvfCreate, "ivfCreate", ctor));
  exports.Set("ivfOpen", Napi::Function::New(env, IvfOpen, "ivfOpen", ctor));
}

}  // namespace vecgres_addon
