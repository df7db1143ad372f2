// Batched scans: scanDistances(spec, out), scanTopK(spec, k, out), readMemory(data).
// Each validates on the JS thread, then runs one core call on the libuv threadpool.
// RegisterScan also registers the O(1) addressMod getter (addon_scan_align.cpp).
#include <napi.h>

#include <cstdint>
#include <memory>
#include <string>

#include "addon_args.h"
#include "addon_errors.h"
#include "addon_promise_worker.h"
#include "addon_register.h"
#include "addon_scan_spec.h"
#include "vecgres/kernels.h"
#include "vecgres/scan.h"

namespace vecgres_addon {
namespace {

constexpr uint64_t kMaxK = uint64_t{1} << 31;

// out: Float32Array, length >= nq * m (row-major: out[q * m + j]).
class AddonScanDistancesWorker : public AddonPromiseWorker {
 public:
  explicit AddonScanDistancesWorker(Napi::Env env) : AddonPromiseWorker(env, "vecgres.scanDistances") {}

  void Read(const Napi::CallbackInfo& info) {
    spec_ = ReadScanSpec(info[0], *this);
    const BufferArg out = ReadTypedArray(info[1], napi_float32_array, "out");
    const size_t needed = CheckedMul(spec_.args.nq, spec_.rows_scanned, "nq * rows");
    if (out.length < needed) {
      ThrowInvalid("out has " + std::to_string(out.length) + " elements; nq * rows scanned = " +
                   std::to_string(needed) + " needed");
    }
    Keep(out.object);
    out_ = reinterpret_cast<float*>(out.data);
  }

 protected:
  void Run() override {
    CheckIdsInRange(spec_.args);
    CheckNotStopped(spec_.args);
    ThrowIfError(vecgres::scan_distances(vecgres::active_kernels(), spec_.args, out_));
  }

 private:
  ScanSpecArg spec_;
  float* out_ = nullptr;
};

// out: {ids: Uint32Array nq*k, dists: Float32Array nq*k, counts: Uint32Array nq}.
class AddonScanTopKWorker : public AddonPromiseWorker {
 public:
  explicit AddonScanTopKWorker(Napi::Env env) : AddonPromiseWorker(env, "vecgres.scanTopK") {}

  void Read(const Napi::CallbackInfo& info) {
    spec_ = ReadScanSpec(info[0], *this);
    k_ = ReadInteger(info[1], 0, kMaxK, "k");
    const Napi::Object out = ReadObject(info[2], "out");
    const size_t slots = CheckedMul(spec_.args.nq, k_, "nq * k");
    const BufferArg ids = ReadTypedArray(out.Get("ids"), napi_uint32_array, "out.ids");
    const BufferArg dists = ReadTypedArray(out.Get("dists"), napi_float32_array, "out.dists");
    const BufferArg counts = ReadTypedArray(out.Get("counts"), napi_uint32_array, "out.counts");
    if (ids.length < slots || dists.length < slots) {
      ThrowInvalid("out.ids and out.dists need nq * k = " + std::to_string(slots) + " elements (have " +
                   std::to_string(ids.length) + " and " + std::to_string(dists.length) + ")");
    }
    if (counts.length < spec_.args.nq) {
      ThrowInvalid("out.counts needs nq = " + std::to_string(spec_.args.nq) + " elements (has " +
                   std::to_string(counts.length) + ")");
    }
    Keep(ids.object);
    Keep(dists.object);
    Keep(counts.object);
    ids_ = reinterpret_cast<uint32_t*>(ids.data);
    dists_ = reinterpret_cast<float*>(dists.data);
    counts_ = reinterpret_cast<uint32_t*>(counts.data);
  }

 protected:
  void Run() override {
    CheckIdsInRange(spec_.args);
    CheckNotStopped(spec_.args);
    ThrowIfError(vecgres::scan_topk(vecgres::active_kernels(), spec_.args, k_, ids_, dists_, counts_));
  }

 private:
  ScanSpecArg spec_;
  size_t k_ = 0;
  uint32_t* ids_ = nullptr;
  float* dists_ = nullptr;
  uint32_t* counts_ = nullptr;
};

// data: ArrayBuffer or any TypedArray; resolves to a checksum of what was read.
class AddonReadMemoryWorker : public AddonPromiseWorker {
 public:
  explicit AddonReadMemoryWorker(Napi::Env env) : AddonPromiseWorker(env, "vecgres.readMemory") {}

  void Read(const Napi::CallbackInfo& info) {
    const BufferArg data = ReadBuffer(info[0], napi_uint8_array, false, "data");
    Keep(data.object);
    data_ = data.data;
    bytes_ = data.byte_length;
  }

 protected:
  void Run() override { checksum_ = vecgres::read_memory(vecgres::active_kernels(), data_, bytes_); }

  Napi::Value Result(Napi::Env env) override {
    // Fold the 64-bit sum into 53 bits so the JS number is exact and every input bit still
    // counts (the value only has to defeat dead-code elimination and be reproducible).
    const uint64_t folded = (checksum_ & ((uint64_t{1} << 53) - 1)) ^ (checksum_ >> 53);
    return Napi::Number::New(env, static_cast<double>(folded));
  }

 private:
  const uint8_t* data_ = nullptr;
  size_t bytes_ = 0;
  uint64_t checksum_ = 0;
};

template <typename Worker>
Napi::Value StartWorker(const Napi::CallbackInfo& info) {
  return PromiseCall(info, [&info]() {
    auto worker = std::make_unique<Worker>(info.Env());
    worker->Read(info);
    return AddonPromiseWorker::Start(std::move(worker));
  });
}

}  // namespace

void RegisterScanAlign(Napi::Env env, Napi::Object exports);  // addon_scan_align.cpp

void RegisterScan(Napi::Env env, Napi::Object exports) {
  RegisterScanAlign(env, exports);
  exports.Set("scanDistances", Napi::Function::New(env, StartWorker<AddonScanDistancesWorker>, "scanDistances"));
  exports.Set("scanTopK", Napi::Function::New(env, StartWorker<AddonScanTopKWorker>, "scanTopK"));
  exports.Set("readMemory", Napi::Function::New(env, StartWorker<AddonReadMemoryWorker>, "readMemory"));
}

}  // namespace vecgres_addon
